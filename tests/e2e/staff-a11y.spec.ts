import AxeBuilder from "@axe-core/playwright";
import { builtAppPaths } from "../security/build-surface";
import { issueResetToken } from "../helpers/password-reset";
import { createFixtureArticle, createFixtureReference, expect, test, type Staff, type StaffUser } from "../helpers/fixtures";
import { e2eDb } from "../helpers/e2e-db";
import { issuePreviewLink } from "../helpers/preview-links";

/**
 * Every staff page in the production build's page manifest, opened as a role that can see it with
 * fixture objects for its dynamic segments, has no axe violations. A staff page added to the app
 * without an entry here fails the first test, so none goes unchecked.
 */

type Objects = {
  articleId: number;
  liveArticleId: number;
  reviewArticleId: number;
  /** A live article with a draft revision: its overview has the change-class form. */
  changeArticleId: number;
  referenceId: number;
  /** Retracted and with a notice, as an import of a record saying so leaves it. */
  flaggedReferenceId: number;
  userId: number;
};
type Entry = { url: (o: Objects) => string; as: (s: Staff) => StaffUser | null; ready?: string };

const editor = (s: Staff) => s.editor;
const admin = (s: Staff) => s.admin;
const reviewer = (s: Staff) => s.reviewers[0];

/** Manifest page (route group and all) → how to open it. */
const STAFF_PAGES: Record<string, Entry[]> = {
  "/(auth)/login/page": [{ url: () => "/login", as: () => null }],
  "/(auth)/forgot-password/page": [{ url: () => "/forgot-password", as: () => null }],
  "/(auth)/reset-password/page": [
    // A valid link shows the form; a spent or unknown one the page that offers a new link.
    { url: (o) => `/reset-password?token=${issueResetToken(o.userId)}`, as: () => null },
    { url: () => `/reset-password?token=${"A".repeat(43)}`, as: () => null },
  ],
  "/(editor)/account/page": [{ url: () => "/account", as: editor }],
  "/(editor)/account/notifications/page": [
    { url: () => "/account/notifications", as: editor },
    { url: () => "/account/notifications", as: reviewer },
  ],
  "/(editor)/account/password/page": [{ url: () => "/account/password", as: editor }],
  "/(editor)/account/profile/page": [{ url: () => "/account/profile", as: reviewer }],
  "/(editor)/account/security/page": [{ url: () => "/account/security", as: editor }],
  "/(editor)/admin/audit/page": [{ url: () => "/admin/audit", as: admin }],
  "/(editor)/admin/jobs/page": [
    { url: () => "/admin/jobs", as: admin },
    { url: () => "/admin/jobs?status=failed", as: admin },
  ],
  "/(editor)/admin/mail/page": [{ url: () => "/admin/mail", as: admin }],
  "/(editor)/admin/settings/page": [{ url: () => "/admin/settings", as: admin }],
  "/(editor)/admin/users/[id]/page": [{ url: (o) => `/admin/users/${o.userId}`, as: admin }],
  "/(editor)/admin/users/new/page": [{ url: () => "/admin/users/new", as: admin }],
  "/(editor)/admin/users/page": [{ url: () => "/admin/users", as: admin }],
  "/(editor)/dashboard/page": [
    { url: () => "/dashboard", as: editor },
    { url: () => "/dashboard", as: reviewer },
    { url: () => "/dashboard", as: admin },
  ],
  "/(editor)/editor/articles/[id]/edit/page": [
    { url: (o) => `/editor/articles/${o.articleId}/edit`, as: editor, ready: "save-status" },
    { url: (o) => `/editor/articles/${o.liveArticleId}/edit`, as: editor, ready: "save-status" },
  ],
  "/(editor)/editor/articles/[id]/history/page": [{ url: (o) => `/editor/articles/${o.liveArticleId}/history`, as: editor }],
  "/(editor)/editor/articles/[id]/page": [
    { url: (o) => `/editor/articles/${o.articleId}`, as: editor },
    { url: (o) => `/editor/articles/${o.reviewArticleId}`, as: editor },
    // A live article's new revision: the submit form with the change-class claim.
    { url: (o) => `/editor/articles/${o.changeArticleId}`, as: editor },
  ],
  "/(editor)/editor/articles/[id]/signatures/page": [{ url: (o) => `/editor/articles/${o.reviewArticleId}/signatures`, as: editor }],
  "/(editor)/editor/articles/[id]/review/page": [{ url: (o) => `/editor/articles/${o.reviewArticleId}/review`, as: reviewer }],
  "/(editor)/editor/articles/page": [
    { url: () => "/editor/articles", as: editor },
    { url: () => "/editor/articles?state=draft&sort=question&due=30", as: admin },
    { url: () => "/editor/articles", as: reviewer },
  ],
  "/(editor)/editor/articles/new/page": [{ url: () => "/editor/articles/new", as: editor }],
  "/(editor)/editor/questions/page": [{ url: () => "/editor/questions", as: editor }],
  // The demo seed holds an open error report, so the list and its resolve form are checked.
  "/(editor)/editor/error-reports/page": [{ url: () => "/editor/error-reports", as: editor }],
  "/(editor)/editor/references/[id]/page": [
    { url: (o) => `/editor/references/${o.referenceId}`, as: editor },
    { url: (o) => `/editor/references/${o.flaggedReferenceId}`, as: editor },
  ],
  "/(editor)/editor/references/import/page": [{ url: () => "/editor/references/import", as: editor }],
  "/(editor)/editor/references/new/page": [{ url: () => "/editor/references/new", as: editor }],
  "/(editor)/editor/references/page": [{ url: () => "/editor/references", as: editor }],
  "/(editor)/editor/references/retracted/page": [{ url: () => "/editor/references/retracted", as: editor }],
};

/** The staff side of the build: the (editor) route group and the sign-in page. */
const builtStaffPages = () => builtAppPaths().pages.filter((p) => p.startsWith("/(editor)/") || p.startsWith("/(auth)/"));

test.describe("staff pages are accessible", () => {
  // Each page's check stands alone (the fixture objects are made once per worker), so the file's
  // many pages spread over the workers rather than running one after another in one.
  test.describe.configure({ mode: "parallel" });

  test("every staff page in the build has an entry here", () => {
    const built = builtStaffPages();
    expect(built.length).toBeGreaterThan(10);
    expect(built.filter((p) => !(p in STAFF_PAGES))).toEqual([]);
    expect(Object.keys(STAFF_PAGES).filter((p) => !built.includes(p))).toEqual([]);
  });

  let objects: Objects | undefined;
  const objectsFor = (staff: Staff): Objects => {
    if (objects) return objects;
    const [r1, r2] = staff.reviewers;
    const reference = createFixtureReference("A fixture trial for the accessibility check");
    const flagged = createFixtureReference("A retracted fixture trial with a notice");
    const db = e2eDb();
    try {
      db.prepare(
        `UPDATE library_references SET retracted = 1, retraction_source = 'import', retracted_at = ?, retraction_note = 'Retracted, per the record''s own metadata (BibTeX note): “Retracted in: Lancet. 2010;375(9713):445”',
           notice_kind = 'expression_of_concern', notice_note = 'Expression of concern, per the record''s own metadata', notice_source = 'import', notice_at = ? WHERE id = ?`,
      ).run(new Date().toISOString(), new Date().toISOString(), flagged.id);
    } finally {
      db.close();
    }
    const draft = createFixtureArticle({ author: staff.editor, state: "draft", cites: [reference] });
    const live = createFixtureArticle({ author: staff.editor, state: "under_review", live: true, reviewers: [r1, r2], approvedBy: [r2] });
    // The overview's preview-link list with one active and one revoked link, and a guest comment in the review.
    issuePreviewLink({ articleId: live.articleId, revisionId: live.revisionId, createdById: staff.editor.id, recipient: "Dr Axe" });
    const revoked = issuePreviewLink({ articleId: live.articleId, revisionId: null, createdById: staff.editor.id });
    const linkDb = e2eDb();
    try {
      linkDb.prepare("UPDATE preview_links SET revoked_at = ? WHERE id = ?").run(new Date().toISOString(), revoked.linkId);
      linkDb
        .prepare(
          "INSERT INTO review_comments (revision_id, author_id, body, guest_name, preview_link_id, content_hash) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .run(
          live.revisionId,
          staff.editor.id,
          "A guest's comment for the accessibility check.",
          "Dr Axe",
          revoked.linkId,
          live.contentHash,
        );
    } finally {
      linkDb.close();
    }
    objects = {
      articleId: draft.articleId,
      liveArticleId: live.articleId,
      reviewArticleId: live.articleId,
      changeArticleId: createFixtureArticle({ author: staff.editor, state: "draft", live: true }).articleId,
      referenceId: reference.id,
      flaggedReferenceId: flagged.id,
      userId: r1.id,
    };
    return objects;
  };

  for (const [manifestPath, entries] of Object.entries(STAFF_PAGES)) {
    for (const [i, entry] of entries.entries()) {
      test(`axe finds no violations on ${manifestPath}${entries.length > 1 ? ` (${i + 1})` : ""}`, async ({ page, pageAs, staff }) => {
        const url = entry.url(objectsFor(staff));
        const user = entry.as(staff);
        const target = user ? await pageAs(user, url) : page;
        if (!user) await page.goto(url);
        await expect(target).toHaveURL(new RegExp(`${url.replace(/[?]/g, "\\?")}$`));
        if (entry.ready) await expect(target.getByTestId(entry.ready)).toHaveText(/\S/);
        const results = await new AxeBuilder({ page: target }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
        await expect(target.getByRole("main")).toHaveCount(1);
        await expect(target.getByRole("heading", { level: 1 })).toHaveCount(1);
      });
    }
  }

  test("axe finds no violations on the staff not-found page", async ({ pageAs, staff }) => {
    const page = await pageAs(staff.editor, "/editor/no-such-page");
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await expect(page.getByRole("main")).toHaveCount(1);
    // An unknown article id answers with the same page.
    const missing = await pageAs(staff.editor, "/editor/articles/999999999");
    const again = await new AxeBuilder({ page: missing }).analyze();
    expect(again.violations.map((v) => v.id)).toEqual([]);
    await expect(missing.getByRole("main")).toHaveCount(1);
  });
});
