import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../helpers/temp-db";

/**
 * The demo seed shows every reminder at once: the first tick after `npm start` tells the late
 * reviewer, escalates to the admin and the assigning editor, reminds a reviewer of a review due
 * soon, and tells the editor of a live article due for review within 30 days and of an overdue one.
 */
const temp = useTempDatabase("reminders-seed");
const { getDb } = await import("@/db");
const { seedDemo } = await import("@/db/seed");
const { runReminderTick } = await import("@/lib/dal/reminders");

beforeAll(async () => {
  await seedDemo();
});
afterAll(() => {
  getDb().$client.close();
  temp.cleanup();
});

describe("demo seed reminders", () => {
  it("gives the first tick one reminder of every kind, and the second none", () => {
    const before = (getDb().$client.prepare("SELECT count(*) AS n FROM notifications").get() as { n: number }).n;
    runReminderTick(new Date());
    const rows = getDb()
      .$client.prepare(
        `SELECT u.email, n.kind, a.slug FROM notifications n JOIN users u ON u.id = n.user_id JOIN articles a ON a.id = n.article_id
         WHERE n.id > ? ORDER BY n.kind, a.slug, u.email`,
      )
      .all(before);
    expect(rows).toEqual([
      { email: "editor@vetted.test", kind: "article_review_due_soon", slug: "exercise-for-diastasis-recti-after-pregnancy" },
      { email: "editor@vetted.test", kind: "article_review_overdue", slug: "first-line-treatment-acute-low-back-pain" },
      { email: "reviewer1@vetted.test", kind: "review_due_soon", slug: "postpartum-back-pain-exercise-3-months" },
      { email: "admin@vetted.test", kind: "review_escalated", slug: "how-much-physical-activity-do-adults-need" },
      { email: "editor@vetted.test", kind: "review_escalated", slug: "how-much-physical-activity-do-adults-need" },
      { email: "reviewer2@vetted.test", kind: "review_overdue", slug: "how-much-physical-activity-do-adults-need" },
    ]);
    expect(runReminderTick(new Date()).notifications).toBe(0);
  });
});
