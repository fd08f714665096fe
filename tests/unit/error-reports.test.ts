import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

/** Readers' error reports through the DAL on a real SQLite file: taken, limited, escalated once, resolved and mailed. */
const temp = useTempDatabase("error-reports");
const { getDb } = await import("@/db");
const reports = await import("@/lib/dal/error-reports");
const { errorReportDueAt, errorReportResolvedMail, errorReportTargetSentence } = await import("@/lib/error-reports");

const DAY = 86_400_000;
type Row = Record<string, unknown>;
const db = () => getDb().$client;
const all = (sql: string, ...args: unknown[]) =>
  db()
    .prepare(sql)
    .all(...args) as Row[];
const one = (sql: string, ...args: unknown[]) =>
  db()
    .prepare(sql)
    .get(...args) as Row;

let editor: { id: number; email: string; name: string; role: "editor"; active: true; mustChangePassword: false };
let adminId = 0;
const SLUG = "unit-error-report-article";

beforeAll(() => {
  const insertUser = db().prepare("INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, 'x') RETURNING id");
  const editorId = (insertUser.get("editor@unit.test", "Una Editor", "editor") as { id: number }).id;
  adminId = (insertUser.get("admin@unit.test", "Ada Admin", "admin") as { id: number }).id;
  editor = { id: editorId, email: "editor@unit.test", name: "Una Editor", role: "editor", active: true, mustChangePassword: false };
  const { id: articleId } = db().prepare("INSERT INTO articles (slug, topic) VALUES (?, 'Unit') RETURNING id").get(SLUG) as { id: number };
  const { id: revisionId } = db()
    .prepare(
      `INSERT INTO revisions (article_id, number, question, clinician_body, patient_body, disclosure, state, content_hash, author_id, approved_at)
       VALUES (?, 1, 'Is the unit treatment safe?', 'Clinician text.', 'Patient text.', 'None.', 'approved', 'h1', ?, '2026-01-01T00:00:00.000Z') RETURNING id`,
    )
    .get(articleId, editorId) as { id: number };
  db().prepare("UPDATE articles SET live_revision_id = ?, working_revision_id = ? WHERE id = ?").run(revisionId, revisionId, articleId);
});

afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

const send = (description: string, extra: { email?: string | null; ip?: string; limit?: number; now?: Date; slug?: string } = {}) =>
  reports.reportError({
    slug: extra.slug ?? SLUG,
    description,
    quote: "the unit treatment is safe",
    email: extra.email ?? null,
    audience: "patient",
    ip: extra.ip ?? "192.0.2.1",
    limit: extra.limit ?? 100,
    now: extra.now,
  });

describe("error reports", () => {
  it("takes a report about a visible article, with the response target, and tells every active editor and admin", () => {
    const now = new Date("2026-03-01T10:00:00.000Z");
    expect(send("The dose in the second paragraph is wrong.", { email: "reader@example.org", now })).toBe("stored");
    const row = one("SELECT * FROM error_reports WHERE description LIKE 'The dose%'");
    expect(row).toMatchObject({ status: "open", email: "reader@example.org", audience: "patient", due_at: "2026-03-08T10:00:00.000Z" });
    const told = all("SELECT user_id AS userId, kind FROM notifications WHERE event_key = ?", `error_report:${row.id as number}`);
    expect(told.map((t) => t.userId).sort()).toEqual([editor.id, adminId].sort());
    expect(told.every((t) => t.kind === "error_report")).toBe(true);
  });

  it("refuses an unknown or invisible article, and a sender over the hourly limit", () => {
    expect(send("About an article that does not exist.", { slug: "no-such-article" })).toBe("not_found");
    expect(send("First report from this address.", { ip: "198.51.100.7", limit: 1 })).toBe("stored");
    expect(send("Second report from this address.", { ip: "198.51.100.7", limit: 1 })).toBe("rate_limited");
    expect(all("SELECT id FROM error_reports WHERE description = 'Second report from this address.'")).toHaveLength(0);
  });

  it("lists open reports with the ones past their target marked, and escalates each once", () => {
    const id = one("SELECT id FROM error_reports WHERE description LIKE 'The dose%'").id as number;
    const late = new Date("2026-03-09T00:00:00.000Z");
    const open = reports.listOpenErrorReports(late);
    expect(open.find((r) => r.id === id)).toMatchObject({ overdue: true, articleSlug: SLUG, revisionNumber: 1 });
    expect(reports.listOverdueErrorReports(late).rows.map((r) => r.id)).toContain(id);
    expect(reports.listOverdueErrorReports(new Date("2026-03-02T00:00:00.000Z")).rows.map((r) => r.id)).not.toContain(id);

    expect(reports.escalateOverdueErrorReports(new Date("2026-03-07T00:00:00.000Z"))).toBe(0);
    expect(reports.escalateOverdueErrorReports(late)).toBeGreaterThanOrEqual(1);
    expect(reports.escalateOverdueErrorReports(late)).toBe(0);
    const escalated = all("SELECT user_id AS userId FROM notifications WHERE event_key = ?", `error_report_overdue:${id}`);
    expect(escalated.map((t) => t.userId).sort()).toEqual([editor.id, adminId].sort());
    // The tick's read is an index probe, never a scan of every report.
    const plan = all(`EXPLAIN QUERY PLAN ${reports.ERROR_REPORT_ESCALATION_SQL}`, late.toISOString(), 10).map((r) => String(r.detail));
    expect(plan.join(" ")).toContain("error_reports_escalation_idx");
  });

  it("starts a new draft revision from a report, and reuses the revision in progress after that", () => {
    const id = one("SELECT id FROM error_reports WHERE description LIKE 'The dose%'").id as number;
    const first = reports.startRevisionFromReport(editor, id);
    expect(first).toMatchObject({ ok: true });
    const revision = one(
      "SELECT number, state, change_summary AS changeSummary, clinician_body AS body FROM revisions WHERE id = ?",
      (first as { revisionId: number }).revisionId,
    );
    expect(revision).toMatchObject({ number: 2, state: "draft", body: "Clinician text." });
    expect(revision.changeSummary).toContain(`#${id}`);
    const again = reports.startRevisionFromReport(editor, id);
    expect(again).toMatchObject({ ok: true, revisionId: (first as { revisionId: number }).revisionId });
    expect(one("SELECT count(*) AS n FROM revisions").n).toBe(2);
  });

  it("resolves with a note mailed to the reporter once; a second resolve is refused", () => {
    const id = one("SELECT id FROM error_reports WHERE description LIKE 'The dose%'").id as number;
    const result = reports.resolveErrorReport(editor, id, "Corrected: the dose is 5 mg, as the guideline says.");
    expect(result).toMatchObject({ ok: true, mailed: true });
    const mail = one(
      "SELECT to_address AS to_, subject, text_body AS text FROM mail_messages WHERE idempotency_key = ?",
      `error_report_resolved:${id}`,
    );
    expect(mail.to_).toBe("reader@example.org");
    expect(mail.subject).toBe("Your error report: Is the unit treatment safe?");
    expect(mail.text).toContain("Corrected: the dose is 5 mg, as the guideline says.");
    expect(mail.text).toContain(`/articles/${SLUG}?audience=patient`);
    expect(reports.resolveErrorReport(editor, id, "Again.")).toEqual({ ok: false, reason: "already_resolved" });
    expect(reports.listOpenErrorReports().map((r) => r.id)).not.toContain(id);
    expect(reports.listRecentlyResolvedErrorReports()[0]).toMatchObject({
      id,
      resolution: "Corrected: the dose is 5 mg, as the guideline says.",
    });
  });

  it("pure parts: the target date, sentence and mail", () => {
    expect(errorReportDueAt(new Date("2026-01-31T12:00:00.000Z"), 1).toISOString()).toBe("2026-02-01T12:00:00.000Z");
    expect(errorReportDueAt(new Date(0), 7).getTime()).toBe(7 * DAY);
    expect(errorReportTargetSentence(1)).toBe("We aim to answer every error report within 1 day.");
    expect(errorReportTargetSentence(7)).toBe("We aim to answer every error report within 7 days.");
    const { subject, content } = errorReportResolvedMail({
      siteName: "Vetted",
      question: "Q?",
      description: "x".repeat(700),
      resolution: "Fixed.",
      articleUrl: "https://example.org/articles/q",
    });
    expect(subject).toBe("Your error report: Q?");
    expect(content.paragraphs[1].length).toBeLessThan(620);
    expect(content.action?.url).toBe("https://example.org/articles/q");
  });
});
