import { expect, test } from "@playwright/test";
import type { Actor } from "@/lib/permissions";
import { ACTION_ROWS, DRAFT_LEAK_URLS, PAGE_ROWS, ROUTE_ROWS, SUBJECT_ORDER, type ActionRow } from "../security/access-table";
import { builtActions, builtAppPaths } from "../security/build-surface";
import { anonymousCaller, createArticle, signedInCaller, type Caller } from "../security/fixtures";
import { createUser } from "../helpers/e2e-db";

/**
 * Calls every server action, route handler and page of the build by raw HTTP as anonymous,
 * editor, reviewer and admin, and fails on any success lib/permissions.ts does not allow,
 * any refused call that changed something, and any action/route/page without a row.
 */

const ROLES = ["anonymous", "editor", "reviewer", "admin"] as const;
const actions = builtActions();
const actionId = (key: string) => actions.find((a) => a.key === key)?.id;

const actorOf = (caller: Caller): Actor | null => (caller.id === null ? null : { id: caller.id, role: caller.role as Actor["role"], active: true });

async function caller(role: (typeof ROLES)[number]): Promise<Caller> {
  return role === "anonymous" ? anonymousCaller() : signedInCaller(role);
}

/** A server action called the way React calls it: POST to a page with the Next-Action id and JSON args. */
async function callAction(c: Caller, row: ActionRow, args: unknown[], headers: Record<string, string> = {}) {
  const res = await c.api.post(row.page, {
    headers: { "Next-Action": actionId(row.action)!, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...headers },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await res.text();
  // An ActionResult serialises as {"ok":true…} in the RSC payload; anything else is a refusal.
  return { status: res.status(), body, ok: res.status() === 200 && /"ok":true/.test(body) };
}

const figures = { actionCalls: 0, strictProbes: 0, routeCalls: 0, pageRequests: 0, leakRequests: 0 };
test.afterAll(() => console.log(`access matrix figures: ${JSON.stringify(figures)}`));

test.describe("access matrix", () => {
  test("every server action, route handler and page in the build has a row", () => {
    const { pages, routes } = builtAppPaths();
    const missingActions = actions.filter((a) => !ACTION_ROWS.some((r) => r.action === a.key)).map((a) => a.key);
    const missingRoutes = routes.filter((r) => !ROUTE_ROWS.some((row) => row.route === r));
    const missingPages = pages.filter((p) => !PAGE_ROWS.some((row) => row.page === p));
    expect({ missingActions, missingRoutes, missingPages }, "add a row to tests/security/access-table.ts").toEqual({ missingActions: [], missingRoutes: [], missingPages: [] });
    const stale = ACTION_ROWS.filter((r) => !actionId(r.action)).map((r) => r.action);
    expect(stale, "rows for actions no longer in the build").toEqual([]);
  });

  for (const row of ACTION_ROWS) {
    test(`${row.action}: each role and subject gets exactly what lib/permissions.ts allows`, async () => {
      for (const role of ROLES) {
        const c = await caller(role);
        for (const kind of SUBJECT_ORDER) {
          const build = row.subjects[kind];
          if (!build || (kind === "own" && c.id === null)) continue;
          const subject = await build(c);
          const before = row.state(subject);
          const expected = row.allowed(actorOf(c), subject);
          const result = await callAction(c, row, row.args(subject, c));
          figures.actionCalls++;
          const label = `${row.action} as ${role} on ${kind} (status ${result.status})`;
          expect(result.ok, `${label}: success must match lib/permissions.ts`).toBe(expected);
          if (expected) expect(row.state(subject), `${label}: allowed call must take effect`).not.toEqual(before);
          else expect(row.state(subject), `${label}: refused call changed state`).toEqual(before);
        }
        await c.api.dispose();
      }
    });

    if (row.strictProbe !== false) {
      test(`${row.action}: unknown fields (status, authorId, role) are refused even for an admin`, async () => {
        const admin = await caller("admin");
        const build = row.subjects.other ?? row.subjects.draft ?? row.subjects.published!;
        for (const extra of [{ status: "approved" }, { authorId: admin.id }, { role: "admin" }, { id: 1 }]) {
          const subject = await build(admin);
          const before = row.state(subject);
          const [first, ...rest] = row.args(subject, admin);
          const result = await callAction(admin, row, [{ ...(first as object), ...extra }, ...rest]);
          figures.strictProbes++;
          expect(result.ok, `${row.action} with ${JSON.stringify(extra)}`).toBe(false);
          expect(row.state(subject)).toEqual(before);
        }
        await admin.api.dispose();
      });
    }
  }

  test("route handlers answer each role only as lib/permissions.ts allows", async () => {
    for (const role of ROLES) {
      const c = await caller(role);
      for (const row of ROUTE_ROWS) {
        for (const probe of row.probes) {
          const res = probe.method === "GET" ? await c.api.get(probe.path, { maxRedirects: 0 }) : await c.api.post(probe.path, { form: probe.form, maxRedirects: 0 });
          figures.routeCalls++;
          expect(probe.succeeded(res.status(), await res.text()), `${probe.method} ${probe.path} as ${role}`).toBe(probe.allowed(actorOf(c)));
        }
      }
      await c.api.dispose();
    }
  });

  test("staff pages don't leak through x-middleware-subrequest, RSC requests, .rsc or prefetch URLs", async () => {
    const author = await createUser("editor");
    const draft = createArticle({ authorId: author.id });
    const variants: { name: string; url: (u: string) => string; headers: Record<string, string> }[] = [
      { name: "plain", url: (u) => u, headers: {} },
      { name: "x-middleware-subrequest (proxy)", url: (u) => u, headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
      { name: "x-middleware-subrequest (middleware)", url: (u) => u, headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } },
      { name: "x-middleware-subrequest (src/middleware)", url: (u) => u, headers: { "x-middleware-subrequest": "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware" } },
      { name: "RSC: 1", url: (u) => u, headers: { RSC: "1" } },
      { name: "prefetch", url: (u) => `${u}${u.includes("?") ? "&" : "?"}_rsc=leak1`, headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
      { name: ".rsc", url: (u) => `${u === "/" ? "/index" : u}.rsc`, headers: { RSC: "1" } },
    ];
    for (const role of ROLES) {
      const c = await caller(role);
      for (const row of PAGE_ROWS) {
        const marker = typeof row.marker === "function" ? row.marker({ draft }) : row.marker;
        if (!marker) continue;
        const allowed = row.allowed(actorOf(c));
        for (const v of variants) {
          const res = await c.api.get(v.url(row.url({ draft })), { headers: v.headers, maxRedirects: 0 });
          const body = await res.text();
          figures.pageRequests++;
          if (!allowed) expect(body.includes(marker), `${row.page} as ${role} via ${v.name} (status ${res.status()})`).toBe(false);
          else if (v.name === "plain") expect(body, `${row.page} as ${role}: the marker proves the check can fail`).toContain(marker);
        }
      }
      await c.api.dispose();
    }
  });

  test("draft content never reaches an anonymous reader, by any URL or RSC variant", async () => {
    const author = await createUser("editor");
    const draft = createArticle({ authorId: author.id, state: "draft" });
    const returned = createArticle({ authorId: author.id, state: "changes_requested" });
    const anon = await anonymousCaller();
    for (const fixture of [draft, returned]) {
      for (const url of DRAFT_LEAK_URLS) {
        const variants: Record<string, string>[] = [{}, { RSC: "1" }, { RSC: "1", "Next-Router-Prefetch": "1" }, { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" }];
        for (const headers of variants) {
          const res = await anon.api.get(url(fixture), { headers, maxRedirects: 0 });
          figures.leakRequests++;
          expect((await res.text()).includes(fixture.slug), `${url(fixture)} ${JSON.stringify(headers)}`).toBe(false);
        }
      }
    }
    await anon.api.dispose();
  });
});
