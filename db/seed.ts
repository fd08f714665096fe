/**
 * Demo data: a user for every role, a real reference library and articles in every
 * workflow state. `npm run seed` seeds an empty database; `--if-empty` makes it a no-op
 * on one that already has users (the start command uses that).
 */
import { count, eq } from "drizzle-orm";
import { getDb, writeTransaction, type Tx } from "./index";
import {
  articles,
  boardProfiles,
  errorReports,
  references,
  reviewAssignments,
  reviewComments,
  revisions,
  signOffs,
  siteSettings,
  users,
  type Role,
} from "./schema";
import { seedReferences } from "./seed-data/references";
import { seedArticles } from "./seed-data/articles";
import { lifecycleSeedArticles, type LifecycleSeed } from "./seed-data/lifecycle-articles";
import type { SeedArticle, SeedWording } from "./seed-data/types";
import { hashPassword } from "../lib/passwords";
import { appendAuditEvent } from "../lib/dal/audit";
import { hashRevisionContent, syncRevisionCitations } from "../lib/dal/revision-content";
import { APPROVAL_MEANING, REQUEST_CHANGES_MEANING } from "../lib/sign-off";
import type { CredentialClass } from "../lib/domain";
import { syncArticleSearch } from "../lib/dal/search-index";
import { errorReportDueAt } from "../lib/error-reports";
import { DEFAULT_SETTINGS } from "../lib/validations/settings";
import { enqueuePublication } from "../lib/dal/publication";

export const DEMO_PASSWORD = "vetted-demo-pass";

type SeedUser = {
  email: string;
  name: string;
  role: Role;
  profile?: { credentials: string; specialty: string; bio: string; credentialClass: CredentialClass; specialties: string[] };
};
type SeedPerson = { id: number; email: string; name: string; credentials: string };

const SEED_USERS: SeedUser[] = [
  { email: "admin@vetted.test", name: "Dr. Helen Okafor", role: "admin" },
  { email: "editor@vetted.test", name: "Sam Whitaker", role: "editor" },
  {
    email: "reviewer1@vetted.test",
    name: "Dr. Maria Lindqvist",
    role: "reviewer",
    profile: {
      credentials: "MD, FACOG",
      specialty: "Obstetrics and gynaecology",
      credentialClass: "physician",
      specialties: ["Obstetrics", "Gynaecology", "Maternal medicine"],
      bio: "Consultant obstetrician with twenty years of practice in maternal medicine and postpartum care.",
    },
  },
  {
    email: "reviewer2@vetted.test",
    name: "Dr. James Osei",
    role: "reviewer",
    profile: {
      credentials: "MD, MPH",
      specialty: "Family medicine and preventive care",
      credentialClass: "physician",
      specialties: ["Family medicine", "Cardiology", "Preventive care"],
      bio: "Family physician and public-health researcher focused on screening and cardiovascular prevention.",
    },
  },
  {
    email: "reviewer3@vetted.test",
    name: "Dr. Priya Raman",
    role: "reviewer",
    profile: {
      credentials: "PT, DPT",
      specialty: "Musculoskeletal and pelvic health physiotherapy",
      credentialClass: "physiotherapist",
      specialties: ["Musculoskeletal", "Pelvic health"],
      bio: "Physiotherapist specialising in spinal rehabilitation and pelvic health after pregnancy.",
    },
  },
];

const DAY = 24 * 60 * 60 * 1000;
const isoDaysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const addMonths = (iso: string, months: number) => {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
};

function insertRevision(
  tx: Tx,
  articleId: number,
  number: number,
  wording: SeedWording,
  authorId: number,
  state: SeedArticle["state"],
  at: string,
) {
  const content = { ...wording };
  const hash = hashRevisionContent(tx, content);
  const row = tx
    .insert(revisions)
    .values({
      articleId,
      number,
      ...content,
      state: state === "approved_with_revision_in_review" ? "approved" : state,
      contentHash: hash,
      authorId,
      createdAt: at,
      updatedAt: at,
      submittedAt: state === "draft" ? null : at,
    })
    .returning({ id: revisions.id })
    .get();
  syncRevisionCitations(tx, row.id, content);
  return { id: row.id, hash };
}

function signOff(
  tx: Tx,
  revisionId: number,
  reviewer: SeedPerson,
  decision: "approve" | "request_changes",
  hash: string,
  at: string,
  articleId: number,
  comment = "",
) {
  const created = tx
    .insert(signOffs)
    .values({
      revisionId,
      reviewerId: reviewer.id,
      decision,
      meaning: decision === "approve" ? APPROVAL_MEANING : REQUEST_CHANGES_MEANING,
      comment,
      signerName: reviewer.name,
      signerCredentials: reviewer.credentials,
      contentHash: hash,
      signedAt: at,
    })
    .returning({ id: signOffs.id })
    .get();
  appendAuditEvent(tx, {
    actor: reviewer,
    action: decision === "approve" ? "review.approve" : "review.request_changes",
    targetType: "revision",
    targetId: revisionId,
    articleId,
    summary: { signOffId: created.id, contentHash: hash, seeded: true },
  });
}

function assign(tx: Tx, revisionId: number, reviewerIds: number[], assignedById: number, dueDaysFromNow: number, articleId: number) {
  for (const reviewerId of reviewerIds) {
    tx.insert(reviewAssignments)
      .values({ revisionId, reviewerId, assignedById, dueAt: isoDaysAgo(-dueDaysFromNow) })
      .run();
  }
  appendAuditEvent(tx, {
    actor: { id: assignedById, email: "editor@vetted.test" },
    action: "review.assign",
    targetType: "revision",
    targetId: revisionId,
    articleId,
    summary: { reviewerIds, seeded: true },
  });
}

async function seedUsers(): Promise<Map<string, SeedPerson>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return writeTransaction((tx) => {
    const map = new Map<string, SeedPerson>();
    for (const u of SEED_USERS) {
      const row = tx.insert(users).values({ email: u.email, name: u.name, role: u.role, passwordHash }).returning({ id: users.id }).get();
      if (u.profile)
        tx.insert(boardProfiles)
          .values({ userId: row.id, ...u.profile, specialties: JSON.stringify(u.profile.specialties), isPublic: true })
          .run();
      map.set(u.email, { id: row.id, email: u.email, name: u.name, credentials: u.profile?.credentials ?? "" });
      appendAuditEvent(tx, {
        actor: null,
        action: "user.create",
        targetType: "user",
        targetId: row.id,
        summary: { email: u.email, role: u.role, seeded: true },
      });
    }
    // The demo accounts sign in with their password alone: the demo leaves two-factor optional
    // (a fresh install without the seed requires it of administrators; README, "Two-factor sign-in").
    tx.insert(siteSettings)
      .values({ key: "requireTwoFactor", value: JSON.stringify("none") })
      .onConflictDoNothing()
      .run();
    return map;
  });
}

function seedArticle(tx: Tx, seed: SeedArticle, people: Map<string, SeedPerson>, index: number) {
  const editor = people.get("editor@vetted.test")!;
  const [r1, r2, r3] = ["reviewer1@vetted.test", "reviewer2@vetted.test", "reviewer3@vetted.test"].map((e) => people.get(e)!);
  const createdAt = isoDaysAgo(60 + index * 7);
  const article = tx
    .insert(articles)
    .values({ slug: seed.slug, topic: seed.topic, createdById: editor.id, createdAt, updatedAt: createdAt })
    .returning({ id: articles.id })
    .get();
  const articleId = article.id;
  appendAuditEvent(tx, {
    actor: editor,
    action: "article.create",
    targetType: "article",
    targetId: articleId,
    articleId,
    summary: { slug: seed.slug, seeded: true },
  });

  // Earlier approved versions first (the public version history), each signed by the panel.
  const earlier = seed.state === "approved" ? (seed.earlierVersions ?? []) : [];
  const panelFor = seed.topic === "Obstetrics" || seed.topic === "Musculoskeletal" ? [r1, r3] : [r1, r2];
  let basedOn: number | null = null;
  earlier.forEach((version, i) => {
    const at = isoDaysAgo(version.monthsAgo * 30);
    const old = insertRevision(tx, articleId, i + 1, version.edit(seed.content), editor.id, "approved", at);
    tx.update(revisions)
      .set({ approvedAt: at, changeSummary: version.changeSummary, basedOnRevisionId: basedOn })
      .where(eq(revisions.id, old.id))
      .run();
    for (const reviewer of panelFor) signOff(tx, old.id, reviewer, "approve", old.hash, at, articleId);
    basedOn = old.id;
  });
  const firstPublishedAt = earlier.length ? isoDaysAgo(earlier[0].monthsAgo * 30) : null;

  const first = insertRevision(tx, articleId, earlier.length + 1, seed.content, editor.id, seed.state, createdAt);
  if (basedOn || seed.changeSummary)
    tx.update(revisions)
      .set({ basedOnRevisionId: basedOn, changeSummary: seed.changeSummary ?? "" })
      .where(eq(revisions.id, first.id))
      .run();
  tx.update(articles).set({ workingRevisionId: first.id }).where(eq(articles.id, articleId)).run();
  if (seed.state === "draft") return;

  appendAuditEvent(tx, {
    actor: editor,
    action: "revision.submit",
    targetType: "revision",
    targetId: first.id,
    articleId,
    summary: { from: "draft", to: "submitted", seeded: true },
  });
  if (seed.state === "submitted") return;

  // Reviewers 1 and 2 cover every article; the postpartum article also goes to the physiotherapist.
  const panel = panelFor;
  assign(
    tx,
    first.id,
    panel.map((r) => r.id),
    editor.id,
    seed.panelDueInDays ?? 7 - index,
    articleId,
  );

  if (seed.state === "under_review") {
    signOff(tx, first.id, panel[0], "approve", first.hash, isoDaysAgo(1), articleId, "Accurate and well sourced.");
    return;
  }
  if (seed.state === "changes_requested") {
    const comment = seed.reviewComment ?? "Please revise before approval.";
    signOff(tx, first.id, panel[0], "request_changes", first.hash, isoDaysAgo(2), articleId, comment);
    tx.insert(reviewComments)
      .values({ revisionId: first.id, authorId: panel[0].id, body: comment, contentHash: first.hash, createdAt: isoDaysAgo(2) })
      .run();
    appendAuditEvent(tx, {
      actor: panel[0],
      action: "revision.request_changes",
      targetType: "revision",
      targetId: first.id,
      articleId,
      summary: { from: "under_review", to: "changes_requested", seeded: true },
    });
    return;
  }

  // Approved (possibly with a newer revision in review).
  const reviewedAt = isoDaysAgo((seed.reviewedMonthsAgo ?? 2) * 30);
  for (const reviewer of panel) signOff(tx, first.id, reviewer, "approve", first.hash, reviewedAt, articleId);
  tx.update(revisions).set({ approvedAt: reviewedAt }).where(eq(revisions.id, first.id)).run();
  tx.update(articles)
    .set({
      liveRevisionId: first.id,
      firstPublishedAt: firstPublishedAt ?? reviewedAt,
      lastReviewedAt: reviewedAt,
      reviewDueAt: addMonths(reviewedAt, 12),
      updatedAt: reviewedAt,
    })
    .where(eq(articles.id, articleId))
    .run();
  appendAuditEvent(tx, {
    actor: null,
    action: "revision.approve",
    targetType: "revision",
    targetId: first.id,
    articleId,
    summary: { from: "under_review", to: "approved", quorum: panel.length, seeded: true },
  });

  if (seed.errorReport) {
    const sent = new Date(Date.now() - seed.errorReport.daysAgo * DAY);
    tx.insert(errorReports)
      .values({
        articleId,
        revisionId: first.id,
        audience: seed.errorReport.audience,
        description: seed.errorReport.description,
        quote: seed.errorReport.quote ?? null,
        email: seed.errorReport.email ?? null,
        dueAt: errorReportDueAt(sent, DEFAULT_SETTINGS.errorReportTargetDays).toISOString(),
        createdAt: sent.toISOString(),
      })
      .run();
  }

  if (seed.state === "approved_with_revision_in_review" && seed.nextRevision) {
    const next = insertRevision(tx, articleId, 2, seed.nextRevision, editor.id, "under_review", isoDaysAgo(3));
    tx.update(revisions).set({ basedOnRevisionId: first.id }).where(eq(revisions.id, next.id)).run();
    tx.update(articles).set({ workingRevisionId: next.id }).where(eq(articles.id, articleId)).run();
    appendAuditEvent(tx, {
      actor: editor,
      action: "revision.submit",
      targetType: "revision",
      targetId: next.id,
      articleId,
      summary: { from: "draft", to: "submitted", seeded: true },
    });
    // Due in two days, inside reminderDaysBefore (default 3): reviewer 1, who has not signed yet, gets "due in 2 days".
    assign(tx, next.id, [r1.id, r2.id], editor.id, 2, articleId);
    signOff(tx, next.id, r2, "approve", next.hash, isoDaysAgo(1), articleId, "The update reflects the current guideline.");
  }
}

/**
 * The lifecycle demo (issue 16): an approved article taken off the site again and waiting for its
 * publication time (with its job queued), a withdrawn one with its reason, an archived one pointing
 * at its successor. Audited like the app would.
 */
function seedLifecycle(tx: Tx, seed: LifecycleSeed, admin: SeedPerson) {
  const article = tx.select().from(articles).where(eq(articles.slug, seed.slug)).get()!;
  if (seed.lifecycle === "scheduled") {
    const publishAt = new Date(Date.now() + seed.publishInDays * DAY).toISOString();
    tx.update(revisions).set({ publishAt }).where(eq(revisions.id, article.workingRevisionId!)).run();
    tx.update(articles)
      .set({ liveRevisionId: null, firstPublishedAt: null, lastReviewedAt: null, reviewDueAt: null })
      .where(eq(articles.id, article.id))
      .run();
    enqueuePublication(tx, article.workingRevisionId!, publishAt);
    appendAuditEvent(tx, {
      actor: admin,
      action: "revision.schedule",
      targetType: "revision",
      targetId: article.workingRevisionId,
      articleId: article.id,
      summary: { after: { publishAt }, seeded: true },
    });
    return;
  }
  const successor =
    seed.lifecycle === "archived"
      ? tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, seed.successorSlug)).get()
      : undefined;
  const reason = seed.lifecycle === "withdrawn" ? seed.reason : "Replaced by a fuller answer on exercise after birth.";
  tx.update(articles)
    .set({
      lifecycle: seed.lifecycle,
      withdrawnAt: isoDaysAgo(3),
      withdrawnById: admin.id,
      withdrawnReason: reason,
      successorArticleId: successor?.id ?? null,
    })
    .where(eq(articles.id, article.id))
    .run();
  appendAuditEvent(tx, {
    actor: admin,
    action: seed.lifecycle === "withdrawn" ? "article.withdraw" : "article.archive",
    targetType: "article",
    targetId: article.id,
    articleId: article.id,
    summary: { after: { lifecycle: seed.lifecycle }, reason, seeded: true },
  });
}

export async function seedDemo(): Promise<{ users: number; references: number; articles: number }> {
  const people = await seedUsers();
  writeTransaction((tx) => {
    const admin = people.get("admin@vetted.test")!;
    for (const ref of seedReferences) {
      const row = tx
        .insert(references)
        .values({ ...ref, doi: ref.doi ?? null, pmid: ref.pmid ?? null, createdById: admin.id })
        .returning({ id: references.id })
        .get();
      appendAuditEvent(tx, {
        actor: admin,
        action: "reference.create",
        targetType: "reference",
        targetId: row.id,
        summary: { citekey: ref.citekey, seeded: true },
      });
    }
    seedArticles.forEach((seed, i) => {
      seedArticle(tx, seed, people, i);
    });
    lifecycleSeedArticles.forEach((seed, i) => {
      seedArticle(tx, seed, people, seedArticles.length + i);
      seedLifecycle(tx, seed, people.get("admin@vetted.test")!);
    });
    for (const row of tx.select({ id: articles.id }).from(articles).all()) syncArticleSearch(tx, row.id);
  });
  return { users: SEED_USERS.length, references: seedReferences.length, articles: seedArticles.length + lifecycleSeedArticles.length };
}

export function databaseIsEmpty(): boolean {
  return (getDb().select({ n: count() }).from(users).get()?.n ?? 0) === 0;
}

async function main() {
  const ifEmpty = process.argv.includes("--if-empty");
  if (!databaseIsEmpty()) {
    if (ifEmpty) return;
    console.error("The database already has data; seed only an empty database (delete the file or set DATABASE_PATH).");
    process.exit(1);
  }
  const started = Date.now();
  const result = await seedDemo();
  console.log(`Seeded ${result.users} users, ${result.references} references, ${result.articles} articles in ${Date.now() - started} ms.`);
}

if (process.argv[1] && /seed\.ts$/.test(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
