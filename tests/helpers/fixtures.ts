import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import { contentHash, type HashedReference } from "../../lib/content-hash";
import { e2eDb } from "./e2e-db";
import { signInOverHttp } from "../security/fixtures";

/**
 * End-to-end fixtures in cal.com's style: every spec acts on users, articles and references made
 * for it, unique to its worker and test, and never on the seeded demo content (which specs may
 * read, but only where they change nothing). `staff` is made once per worker (one admin, one
 * editor, three board reviewers with their own names), each signed in once over HTTP; a test
 * opens a page as one of them from that saved session (`pageAs`), so only the specs that test
 * signing in go through the form and argon2 on every test.
 */

export type StaffRole = "admin" | "editor" | "reviewer";
export type StaffUser = { id: number; email: string; password: string; name: string; role: StaffRole; credentials: string };
export type Staff = { admin: StaffUser; editor: StaffUser; reviewers: [StaffUser, StaffUser, StaffUser] };

export const FIXTURE_PASSWORD = "fixture-password-123";

/** Unique per run and process, so a rerun against a kept database never collides. */
const RUN = `${Date.now().toString(36)}${process.pid.toString(36)}`;
let sequence = 0;
/** A token no other worker, test or run uses: for slugs, emails, DOIs and citekeys. */
export const uniqueTag = (prefix = "fx") => `${prefix}-${RUN}-${sequence++}`;

/** The credential class free-text credentials name (as migration 0013 backfills it), for the approver mix. */
const classOf = (credentials: string) =>
  /\b(MD|DO|MBBS)\b/.test(credentials)
    ? "physician"
    : /\b(DPT|PT)\b/.test(credentials)
      ? "physiotherapist"
      : /\bRN\b/.test(credentials)
        ? "nurse"
        : "other";

async function insertStaff(role: StaffRole, name: string, credentials = "", credentialClass = classOf(credentials)): Promise<StaffUser> {
  const email = `${uniqueTag(role)}@fixture.test`;
  const passwordHash = await hash(FIXTURE_PASSWORD, { algorithm: 2 });
  const db = e2eDb();
  try {
    const { id } = db
      .prepare("INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?) RETURNING id")
      .get(email, name, role, passwordHash) as { id: number };
    if (role === "reviewer")
      db.prepare(
        "INSERT INTO board_profiles (user_id, credentials, specialty, bio, is_public, credential_class) VALUES (?, ?, 'Fixture medicine', '', 0, ?)",
      ).run(id, credentials, credentialClass);
    return { id, email, password: FIXTURE_PASSWORD, name, role, credentials };
  } finally {
    db.close();
  }
}

/** A board reviewer with the given credentials and credential class (approver-mix tests). */
export function createReviewer(
  credentials: string,
  credentialClass: string,
  name = `Fixture reviewer ${uniqueTag("u")}`,
): Promise<StaffUser> {
  return insertStaff("reviewer", name, credentials, credentialClass);
}

/** A fresh user of a role (its own account, for a test that changes it: deactivates, demotes…). */
export function createStaffUser(role: StaffRole, name = `Fixture ${role} ${uniqueTag("u")}`): Promise<StaffUser> {
  return insertStaff(role, name, role === "reviewer" ? "MD" : "");
}

export type ArticleState = "draft" | "submitted" | "under_review" | "changes_requested" | "approved";
export type FixtureArticle = {
  articleId: number;
  slug: string;
  revisionId: number;
  liveRevisionId: number | null;
  question: string;
  patientBody: string;
  clinicianBody: string;
  contentHash: string;
};

export type ArticleOptions = {
  author: StaffUser;
  /** State of the working revision. */
  state?: ArticleState;
  /** An approved revision 1 that readers see, with the working revision (revision 2) in `state`. */
  live?: boolean;
  question?: string;
  topic?: string;
  patientBody?: string;
  clinicianBody?: string;
  /** Reviewers assigned to the working revision (from under_review on). */
  reviewers?: StaffUser[];
  /** Reviewers who approved the working revision's current text. */
  approvedBy?: StaffUser[];
  /** When the live revision is due for re-review (ISO); an old date puts it in the editors' queue. */
  reviewDueAt?: string;
  /** References the clinician wording cites ([@citekey] appended, revision_citations written). */
  cites?: { id: number; citekey: string }[];
  /** With `live`: the working revision's patient wording, when it differs from the live one (a change to review). */
  workingPatientBody?: string;
};

const APPROVAL_MEANING = "I have reviewed this content for medical accuracy and approve it for publication.";

/** A library_references row as SQLite returns it: the hashed fields, with authors as JSON text and a 0/1 flag. */
type RefRow = Omit<HashedReference, "authors" | "retracted"> & { authors: string; retracted: number };

/**
 * An article written straight into the e2e database, with a real content hash (so approvals and
 * "the text changed" checks behave as for an article saved through the app).
 */
export function createFixtureArticle(opts: ArticleOptions): FixtureArticle {
  const state = opts.state ?? "draft";
  const slug = uniqueTag("fx-article");
  const question = opts.question ?? `Is the fixture treatment ${slug} safe?`;
  const patientBody =
    opts.patientBody ??
    `Most people can use this treatment safely. Ask your doctor before you start.\n\nStop and get help if it makes you feel worse.`;
  const clinicianBase = opts.clinicianBody ?? `Evidence supports use in most adults; review contraindications first.`;
  const clinicianBody = opts.cites?.length ? `${clinicianBase} [${opts.cites.map((c) => `@${c.citekey}`).join("; ")}]` : clinicianBase;
  const disclosure = "The author reports no conflicts of interest.";
  const db = e2eDb();
  try {
    return db
      .transaction(() => {
        const refs = (opts.cites ?? []).map((c) => db.prepare("SELECT * FROM library_references WHERE id = ?").get(c.id) as RefRow);
        const hashed = contentHash({
          question,
          clinicianBody,
          patientBody,
          disclosure,
          references: refs.map((r) => ({ ...r, authors: JSON.parse(r.authors ?? "[]") as unknown, retracted: r.retracted === 1 })),
        });
        const now = new Date().toISOString();
        const past = new Date(Date.now() - 60 * 86_400_000).toISOString();
        const { id: articleId } = db
          .prepare("INSERT INTO articles (slug, topic, created_by_id) VALUES (?, ?, ?) RETURNING id")
          .get(slug, opts.topic ?? "Fixtures", opts.author.id) as { id: number };
        const insertRevision = db.prepare(
          `INSERT INTO revisions (article_id, number, question, clinician_body, patient_body, disclosure, state, content_hash, author_id, submitted_at, approved_at, based_on_revision_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        );
        let liveRevisionId: number | null = null;
        if (opts.live && state !== "approved") {
          liveRevisionId = (
            insertRevision.get(
              articleId,
              1,
              question,
              clinicianBody,
              patientBody,
              disclosure,
              "approved",
              hashed,
              opts.author.id,
              past,
              past,
              null,
            ) as {
              id: number;
            }
          ).id;
        }
        const number = liveRevisionId ? 2 : 1;
        const workingPatientBody = liveRevisionId && opts.workingPatientBody !== undefined ? opts.workingPatientBody : patientBody;
        const workingHash =
          workingPatientBody === patientBody
            ? hashed
            : contentHash({
                question,
                clinicianBody,
                patientBody: workingPatientBody,
                disclosure,
                references: refs.map((r) => ({ ...r, authors: JSON.parse(r.authors ?? "[]") as unknown, retracted: r.retracted === 1 })),
              });
        const revisionId = (
          insertRevision.get(
            articleId,
            number,
            question,
            clinicianBody,
            workingPatientBody,
            disclosure,
            state,
            workingHash,
            opts.author.id,
            state === "draft" ? null : now,
            state === "approved" ? past : null,
            liveRevisionId,
          ) as { id: number }
        ).id;
        if (state === "approved") liveRevisionId = revisionId;
        const reviewed = liveRevisionId ? past : null;
        db.prepare(
          "UPDATE articles SET working_revision_id = ?, live_revision_id = ?, first_published_at = ?, last_reviewed_at = ?, review_due_at = ? WHERE id = ?",
        ).run(
          revisionId,
          liveRevisionId,
          reviewed,
          reviewed,
          liveRevisionId ? (opts.reviewDueAt ?? new Date(Date.now() + 300 * 86_400_000).toISOString()) : null,
          articleId,
        );
        opts.cites?.forEach((c, i) => {
          for (const id of new Set([revisionId, liveRevisionId].filter((x): x is number => x !== null)))
            db.prepare("INSERT INTO revision_citations (revision_id, reference_id, audience, position) VALUES (?, ?, 'clinician', ?)").run(
              id,
              c.id,
              i + 1,
            );
        });
        for (const reviewer of opts.reviewers ?? [])
          db.prepare("INSERT INTO review_assignments (revision_id, reviewer_id, assigned_by_id, due_at) VALUES (?, ?, ?, ?)").run(
            revisionId,
            reviewer.id,
            opts.author.id,
            new Date(Date.now() + 7 * 86_400_000).toISOString(),
          );
        for (const reviewer of opts.approvedBy ?? [])
          db.prepare(
            "INSERT INTO sign_offs (revision_id, reviewer_id, decision, meaning, signer_name, signer_credentials, content_hash) VALUES (?, ?, 'approve', ?, ?, ?, ?)",
          ).run(revisionId, reviewer.id, APPROVAL_MEANING, reviewer.name, reviewer.credentials, workingHash);
        return {
          articleId,
          slug,
          revisionId,
          liveRevisionId,
          question,
          patientBody: workingPatientBody,
          clinicianBody,
          contentHash: workingHash,
        };
      })
      .immediate();
  } finally {
    db.close();
  }
}

/** A library reference of the fixture's own (no creator, so app-written counts don't see it). */
export function createFixtureReference(title = "A fixture trial of careful reviewing"): { id: number; citekey: string; title: string } {
  const citekey = uniqueTag("fxref").replace(/-/g, "");
  const db = e2eDb();
  try {
    const { id } = db
      .prepare(
        "INSERT INTO library_references (citekey, type, title, authors, source, year) VALUES (?, 'research', ?, ?, 'Journal of Fixtures', 2021) RETURNING id",
      )
      .get(citekey, title, JSON.stringify([{ family: "Fixture", given: "A" }])) as { id: number };
    return { id, citekey, title };
  } finally {
    db.close();
  }
}

type WorkerFixtures = { staff: Staff; sessionOf: (user: StaffUser) => Promise<SessionState> };
type SessionState = Awaited<ReturnType<BrowserContext["storageState"]>>;
type TestFixtures = {
  /** A page in its own browser context, signed in as `user`, opened at `path` (default the dashboard). */
  pageAs: (user: StaffUser, path?: string) => Promise<Page>;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  staff: [
    // Playwright reads a fixture's dependencies from its first parameter's destructuring: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const w = `W${workerInfo.parallelIndex}${RUN.slice(-4)}`;
      const [admin, editor, r1, r2, r3] = [
        await insertStaff("admin", `Dr. Ada Admin ${w}`),
        await insertStaff("editor", `Eli Editor ${w}`),
        await insertStaff("reviewer", `Dr. Rhea Reviewer ${w}`, "MD"),
        await insertStaff("reviewer", `Dr. Omar Reviewer ${w}`, "MD, MPH"),
        await insertStaff("reviewer", `Dr. Pia Reviewer ${w}`, "PT, DPT"),
      ];
      await use({ admin, editor, reviewers: [r1, r2, r3] });
      // Left in place but inert: their articles and audit events are part of the append-only record.
    },
    { scope: "worker" },
  ],
  sessionOf: [
    // Playwright reads a fixture's dependencies from its first parameter's destructuring: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const sessions = new Map<string, SessionState>();
      await use(async (user) => {
        let state = sessions.get(user.email);
        if (!state) {
          const api = await signInOverHttp(user.email, user.password);
          state = await api.storageState();
          await api.dispose();
          sessions.set(user.email, state);
        }
        return state;
      });
    },
    { scope: "worker" },
  ],
  pageAs: async ({ browser, sessionOf }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (user, path = "/dashboard") => {
      const context = await browser.newContext({ storageState: await sessionOf(user) });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(path);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };

/** A signed-in page for a one-off user (not the worker's shared staff) through the real form. */
export async function pageWithFormSignIn(browser: Browser, user: StaffUser, landing = /\/dashboard/): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
  return page;
}
