import { e2eDb } from "./e2e-db";
import { uniqueTag } from "./fixtures";

export type ArticleWithVersions = { slug: string; question: string; reviewer: string };

/**
 * An article with three approved versions (the third live), each signed, and a newer draft with
 * words of its own ("UNAPPROVED DRAFT WORDS"): what the public version history (issue 22) lists.
 */
export function createArticleWithVersions(authorId: number): ArticleWithVersions {
  const slug = uniqueTag("fx-history");
  const question = `How often should the fixture exercise ${slug} be done?`;
  const reviewer = `Dr. Fixture ${uniqueTag("signer")}`;
  const bodies = [
    "Walk for 20 minutes on most days.",
    "Walk for 30 minutes on most days.",
    "Walk for 30 minutes on most days. Swimming counts too.",
    "Walk for 30 minutes on most days. Swimming counts too. UNAPPROVED DRAFT WORDS.",
  ];
  const summaries = ["", "Raises the daily walk to 30 minutes, as the 2020 guideline says.", "Adds swimming."];
  const db = e2eDb();
  try {
    return db
      .transaction(() => {
        const { id: articleId } = db
          .prepare("INSERT INTO articles (slug, topic, created_by_id) VALUES (?, 'Fixtures', ?) RETURNING id")
          .get(slug, authorId) as { id: number };
        const insert = db.prepare(
          `INSERT INTO revisions (article_id, number, question, clinician_body, patient_body, disclosure, state, content_hash, author_id, submitted_at, approved_at, change_summary)
           VALUES (?, ?, ?, ?, ?, 'None.', ?, ?, ?, ?, ?, ?) RETURNING id`,
        );
        const ids = bodies.map((body, i) => {
          const approved = i < 3;
          const at = new Date(Date.now() - (90 - i * 30) * 86_400_000).toISOString();
          const hash = `${slug}-${i}`;
          const { id } = insert.get(
            articleId,
            i + 1,
            question,
            `Clinician: ${body}`,
            body,
            approved ? "approved" : "draft",
            hash,
            authorId,
            approved ? at : null,
            approved ? at : null,
            summaries[i] ?? "",
          ) as { id: number };
          if (approved)
            db.prepare(
              "INSERT INTO sign_offs (revision_id, reviewer_id, decision, meaning, signer_name, signer_credentials, content_hash, signed_at) VALUES (?, ?, 'approve', 'I reviewed this.', ?, 'MD, FACOG', ?, ?)",
            ).run(id, authorId, reviewer, hash, at);
          return id;
        });
        db.prepare(
          "UPDATE articles SET live_revision_id = ?, working_revision_id = ?, first_published_at = ?, last_reviewed_at = ? WHERE id = ?",
        ).run(ids[2], ids[3], new Date().toISOString(), new Date().toISOString(), articleId);
        return { slug, question, reviewer };
      })
      .immediate();
  } finally {
    db.close();
  }
}
