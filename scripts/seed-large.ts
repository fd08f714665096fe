/**
 * Generates a large, realistic database for benchmarks:
 *   npm run seed:large -- --articles 100000 [--references 20000] [--out bench/tmp/large.db]
 * Articles in every workflow state with both wordings (a few hundred words each), citations,
 * several revisions, assignments, sign-offs on the right hashes, a valid audit hash chain and
 * the reader search index. Demo users (password vetted-demo-pass) are included so the staff
 * pages can be measured signed in. Writes with prepared statements in large transactions.
 */
import fs from "node:fs";
import path from "node:path";
import { hashSync } from "@node-rs/argon2";
import { openDatabase } from "../db/index";
import { auditEventHash, GENESIS_HASH, type AuditFields } from "../lib/audit";
import { contentHash, type HashedReference } from "../lib/content-hash";
import { APPROVAL_MEANING } from "../lib/sign-off";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const ARTICLES = Number(arg("articles", "100000"));
const REFERENCES = Number(arg("references", String(Math.max(200, Math.round(ARTICLES / 5)))));
const OUT = path.resolve(arg("out", "bench/tmp/large.db"));

// Deterministic PRNG (mulberry32) so two runs build the same database.
let seed = 0x5eed;
function rand(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

const TOPICS = [
  "Obstetrics",
  "Cardiology",
  "Endocrinology",
  "Musculoskeletal",
  "Preventive care",
  "Paediatrics",
  "Neurology",
  "Dermatology",
  "Respiratory",
  "Mental health",
];
// Sixty conditions, so a search term matches a realistic share of articles (a few per cent), not most of them.
const CONDITIONS = [
  "hypertension",
  "type 2 diabetes",
  "asthma",
  "low back pain",
  "migraine",
  "atrial fibrillation",
  "osteoarthritis",
  "eczema",
  "depression",
  "iron deficiency",
  "postpartum recovery",
  "gestational diabetes",
  "chronic kidney disease",
  "gout",
  "insomnia",
  "heart failure",
  "angina",
  "stroke recovery",
  "COPD",
  "sleep apnoea",
  "psoriasis",
  "acne",
  "rosacea",
  "urinary incontinence",
  "overactive bladder",
  "endometriosis",
  "polycystic ovary syndrome",
  "menopause symptoms",
  "preeclampsia",
  "morning sickness",
  "rheumatoid arthritis",
  "osteoporosis",
  "knee pain",
  "neck pain",
  "plantar fasciitis",
  "tennis elbow",
  "sciatica",
  "fibromyalgia",
  "anxiety",
  "panic disorder",
  "ADHD",
  "bipolar disorder",
  "alcohol use disorder",
  "smoking cessation",
  "obesity",
  "hypothyroidism",
  "hyperthyroidism",
  "type 1 diabetes",
  "coeliac disease",
  "irritable bowel syndrome",
  "reflux",
  "peptic ulcer",
  "gallstones",
  "kidney stones",
  "anaemia in pregnancy",
  "otitis media",
  "bronchiolitis",
  "croup",
  "head lice",
  "tonsillitis",
];
const INTERVENTIONS = [
  "structured exercise",
  "a low-dose statin",
  "cognitive behavioural therapy",
  "dietary counselling",
  "physiotherapy",
  "topical corticosteroids",
  "metformin",
  "an inhaled corticosteroid",
  "weight management",
  "sleep hygiene advice",
  "pelvic floor training",
  "a short course of NSAIDs",
];
const OUTCOMES = [
  "pain scores",
  "HbA1c",
  "blood pressure",
  "quality of life",
  "hospital admissions",
  "symptom-free days",
  "functional disability",
  "relapse rates",
  "all-cause mortality",
  "days off work",
];
const QUALIFIERS = [
  "moderate-certainty evidence",
  "low-certainty evidence",
  "several randomised trials",
  "a large cohort study",
  "current national guidance",
  "a recent systematic review",
];
const FAMILY = [
  "Smith",
  "Nguyen",
  "Okafor",
  "Lindqvist",
  "Garcia",
  "Patel",
  "Müller",
  "Kowalski",
  "Rossi",
  "Tanaka",
  "Haddad",
  "Johansson",
  "Osei",
  "Chen",
  "Dubois",
  "Novak",
  "Silva",
  "Khan",
  "Murphy",
  "Ivanova",
];
const JOURNALS: [string, string][] = [
  ["JAMA", "JAMA"],
  ["The Lancet", "Lancet"],
  ["BMJ", "BMJ"],
  ["Annals of Internal Medicine", "Ann Intern Med"],
  ["Obstetrics and Gynecology", "Obstet Gynecol"],
  ["British Journal of Sports Medicine", "Br J Sports Med"],
  ["Diabetes Care", "Diabetes Care"],
  ["Circulation", "Circulation"],
];

// Most sentences are about the article's own condition and intervention; a few mention others.
let focus = { condition: CONDITIONS[0], intervention: INTERVENTIONS[0] };
const mentionCondition = () => (rand() < 0.95 ? focus.condition : pick(CONDITIONS));
const mentionIntervention = () => (rand() < 0.9 ? focus.intervention : pick(INTERVENTIONS));
const clinicianSentence = (cite: string) =>
  `In adults with ${mentionCondition()}, ${mentionIntervention()} improved ${pick(OUTCOMES)} compared with usual care, based on ${pick(QUALIFIERS)} ${cite}.`;
const patientSentence = (cite: string) =>
  `${pick(["Many people", "Most adults", "Some people", "People"])} with ${mentionCondition()} feel better with ${mentionIntervention()} ${cite}. ${pick(["Ask your doctor what is right for you.", "Start slowly and build up.", "It can take a few weeks to help.", "Tell your care team if it gets worse."])}`;

function wording(sentence: (cite: string) => string, keys: string[], paragraphs: number): { md: string; text: string } {
  const md: string[] = [];
  const text: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    if (p > 0 && p % 2 === 0) {
      const heading = pick(["What the evidence shows", "Practical steps", "Who should be careful", "When to seek help"]);
      md.push(`## ${heading}`);
      text.push(heading);
    }
    const sentences = Array.from({ length: int(3, 5) }, () => sentence(`[@${pick(keys)}]`));
    md.push(p % 3 === 1 ? sentences.map((s) => `- ${s}`).join("\n") : sentences.join(" "));
    text.push(sentences.join(" ").replace(/\s*\[@[^\]]+\]/g, ""));
  }
  return { md: md.join("\n\n"), text: text.join(" ") };
}

function main() {
  const started = Date.now();
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(OUT + suffix, { force: true });
  const db = openDatabase(OUT);
  const client = db.$client;
  client.pragma("synchronous = OFF");
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  const DAY = 86_400_000;

  let prevHash = GENESIS_HASH;
  let auditCount = 0;
  const insertAudit = client.prepare(
    "INSERT INTO audit_events (at, actor_id, actor_label, action, target_type, target_id, article_id, summary, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
  );
  const audit = (fields: AuditFields) => {
    const hash = auditEventHash(fields, prevHash);
    insertAudit.run(
      fields.at,
      fields.actorId,
      fields.actorLabel,
      fields.action,
      fields.targetType,
      fields.targetId,
      fields.articleId,
      fields.summary,
      prevHash,
      hash,
    );
    prevHash = hash;
    auditCount++;
  };

  // Users: the demo accounts plus a larger board and editorial team.
  const passwordHash = hashSync("vetted-demo-pass", { algorithm: 2 });
  const insertUser = client.prepare("INSERT INTO users (email, name, role, password_hash) VALUES (?,?,?,?) RETURNING id");
  const insertProfile = client.prepare(
    "INSERT INTO board_profiles (user_id, credentials, credential_class, specialty, bio, is_public) VALUES (?,?,?,?,?,1)",
  );
  // The credential class the approver mix counts (default: at least one physician), from the credentials.
  const classOf = (credentials: string) =>
    credentials.startsWith("MD") ? "physician" : credentials.startsWith("PT") ? "physiotherapist" : "pharmacist";
  const editors: number[] = [];
  const reviewers: { id: number; name: string }[] = [];
  client
    .transaction(() => {
      insertUser.get("admin@vetted.test", "Dr. Helen Okafor", "admin", passwordHash);
      editors.push((insertUser.get("editor@vetted.test", "Sam Whitaker", "editor", passwordHash) as { id: number }).id);
      for (let i = 1; i <= 40; i++) {
        const name = `Dr. ${pick(["Ana", "Ben", "Chloe", "David", "Eva", "Farid", "Grace", "Hiro"])} ${pick(FAMILY)}`;
        const email = i <= 3 ? `reviewer${i}@vetted.test` : `reviewer${i}@board.test`;
        const id = (insertUser.get(email, name, "reviewer", passwordHash) as { id: number }).id;
        const credentials = pick(["MD", "MD, PhD", "MD, MPH", "PT, DPT", "PharmD"]);
        insertProfile.run(id, credentials, classOf(credentials), pick(TOPICS), "Board member.");
        reviewers.push({ id, name });
      }
      for (let i = 2; i <= 10; i++)
        editors.push((insertUser.get(`editor${i}@vetted.test`, `Editor ${i}`, "editor", passwordHash) as { id: number }).id);
    })
    .immediate();

  // References.
  const refs: (HashedReference & { id: number })[] = [];
  const insertRef = client.prepare(
    "INSERT INTO library_references (citekey, type, title, authors, source, source_abbrev, year, volume, issue, pages, doi, pmid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
  );
  client
    .transaction(() => {
      for (let i = 0; i < REFERENCES; i++) {
        const family = pick(FAMILY);
        const year = int(1995, 2025);
        const authors = Array.from({ length: int(1, 9) }, (_, k) => ({
          family: k === 0 ? family : pick(FAMILY),
          given: pick(["A", "B", "CJ", "D", "EM", "F", "GH"]),
        }));
        const [journal, abbrev] = pick(JOURNALS);
        const ref = {
          citekey: `${family.toLowerCase().replace(/[^a-z]/g, "")}${year}-${i}`,
          type: pick(["research", "research", "guideline", "systematic_review", "review"]),
          title: `${pick(INTERVENTIONS)} for ${pick(CONDITIONS)}: effects on ${pick(OUTCOMES)}`.replace(/^./, (c) => c.toUpperCase()),
          authors,
          source: journal,
          year,
          volume: String(int(1, 400)),
          issue: String(int(1, 24)),
          pages: `${int(1, 900)}-${int(901, 1800)}`,
          doi: `10.${int(1000, 9999)}/bench.${i}`,
          pmid: String(10_000_000 + i),
          url: null,
          retracted: false,
        };
        const row = insertRef.get(
          ref.citekey,
          ref.type,
          ref.title,
          JSON.stringify(authors),
          ref.source,
          abbrev,
          ref.year,
          ref.volume,
          ref.issue,
          ref.pages,
          ref.doi,
          ref.pmid,
        ) as { id: number };
        refs.push({ ...ref, id: row.id });
      }
    })
    .immediate();
  const refByKey = new Map(refs.map((r) => [r.citekey, r]));

  const insertArticle = client.prepare(
    "INSERT INTO articles (slug, topic, created_by_id, created_at, updated_at) VALUES (?,?,?,?,?) RETURNING id",
  );
  const insertRevision = client.prepare(
    `INSERT INTO revisions (article_id, number, question, clinician_body, patient_body, disclosure, state, content_hash, author_id, based_on_revision_id, submitted_at, approved_at, created_at, updated_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id`,
  );
  const insertCitation = client.prepare(
    "INSERT OR IGNORE INTO revision_citations (revision_id, reference_id, audience, position) VALUES (?,?,?,?)",
  );
  const insertAssignment = client.prepare(
    "INSERT INTO review_assignments (revision_id, reviewer_id, assigned_by_id, due_at, created_at) VALUES (?,?,?,?,?)",
  );
  const insertSignOff = client.prepare(
    "INSERT INTO sign_offs (revision_id, reviewer_id, decision, meaning, comment, signer_name, signer_credentials, content_hash, signed_at) VALUES (?,?,?,?,?,?,?,?,?)",
  );
  const updateArticle = client.prepare(
    "UPDATE articles SET live_revision_id = ?, working_revision_id = ?, first_published_at = ?, last_reviewed_at = ?, review_due_at = ? WHERE id = ?",
  );
  const flagArticle = client.prepare("UPDATE articles SET re_review_flagged_at = ?, re_review_reason = ? WHERE id = ?");
  const insertSearch = client.prepare(
    "INSERT INTO article_search (rowid, question, clinician_text, patient_text, topic) VALUES (?,?,?,?,?)",
  );

  const STATES = [
    ["approved", 60],
    ["approved_with_revision_in_review", 10],
    ["draft", 10],
    ["submitted", 8],
    ["under_review", 7],
    ["changes_requested", 5],
  ] as const;
  const pickState = () => {
    let r = rand() * 100;
    for (const [state, weight] of STATES) if ((r -= weight) < 0) return state;
    return "approved";
  };

  const BATCH = 2_000;
  for (let start = 0; start < ARTICLES; start += BATCH) {
    client
      .transaction(() => {
        for (let a = start; a < Math.min(ARTICLES, start + BATCH); a++) {
          const topic = pick(TOPICS);
          const condition = pick(CONDITIONS);
          focus = { condition, intervention: pick(INTERVENTIONS) };
          const question = `${pick(["Does", "Can", "Should", "How well does"])} ${focus.intervention} help ${condition}${a % 7 === 0 ? " in older adults" : ""}? (#${a + 1})`;
          const slug = `bench-${a + 1}-${condition.replace(/[^a-z0-9]+/g, "-")}`;
          const author = pick(editors);
          const created = iso(int(30, 900) * DAY);
          const articleId = (insertArticle.get(slug, topic, author, created, created) as { id: number }).id;
          audit({
            at: created,
            actorId: author,
            actorLabel: "editor",
            action: "article.create",
            targetType: "article",
            targetId: String(articleId),
            articleId,
            summary: "{}",
          });
          const state = pickState();
          const keys = Array.from({ length: int(3, 6) }, () => pick(refs).citekey);
          const revisionCount = state === "draft" ? int(1, 2) : int(2, 3);
          let liveId: number | null = null;
          let workingId = 0;
          let lastReviewed: string | null = null;
          // What readers may see (lib/dal/search-index.ts, "on-submit"): the live revision, else a submitted one.
          let searchable: [string, string] | null = null;
          for (let n = 1; n <= revisionCount; n++) {
            const isLast = n === revisionCount;
            const clinician = wording(clinicianSentence, keys, int(3, 4));
            const patient = wording(patientSentence, keys, int(4, 5));
            const revState = !isLast ? "approved" : state === "approved_with_revision_in_review" ? "under_review" : state;
            const content = {
              question,
              clinicianBody: clinician.md,
              patientBody: patient.md,
              disclosure: "The author reports no conflicts of interest.",
            };
            const hash = contentHash({ ...content, references: [...new Set(keys)].map((k) => refByKey.get(k)!) });
            const at = iso((revisionCount - n + 1) * int(20, 60) * DAY);
            const approvedAt = revState === "approved" ? at : null;
            const revisionId = (
              insertRevision.get(
                articleId,
                n,
                question,
                content.clinicianBody,
                content.patientBody,
                content.disclosure,
                revState,
                hash,
                author,
                n > 1 ? workingId : null,
                revState === "draft" ? null : at,
                approvedAt,
                at,
                at,
              ) as { id: number }
            ).id;
            const unique = [...new Set(keys)];
            unique.forEach((k, i) => {
              insertCitation.run(revisionId, refByKey.get(k)!.id, "clinician", i + 1);
              insertCitation.run(revisionId, refByKey.get(k)!.id, "patient", i + 1);
            });
            if (revState !== "draft") {
              const panel = [pick(reviewers), pick(reviewers)].filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i);
              for (const r of panel) insertAssignment.run(revisionId, r.id, author, iso(-int(-20, 20) * DAY), at);
              audit({
                at,
                actorId: author,
                actorLabel: "editor",
                action: "revision.submit",
                targetType: "revision",
                targetId: String(revisionId),
                articleId,
                summary: "{}",
              });
              if (revState === "approved" || revState === "under_review") {
                const signers = revState === "approved" ? panel : panel.slice(0, 1);
                for (const r of signers) {
                  insertSignOff.run(revisionId, r.id, "approve", APPROVAL_MEANING, "", r.name, "MD", hash, at);
                  audit({
                    at,
                    actorId: r.id,
                    actorLabel: r.name,
                    action: "review.approve",
                    targetType: "revision",
                    targetId: String(revisionId),
                    articleId,
                    summary: JSON.stringify({ contentHash: hash }),
                  });
                }
              }
              if (revState === "approved") {
                liveId = revisionId;
                searchable = [clinician.text, patient.text];
                lastReviewed = at;
              }
            }
            workingId = revisionId;
            if (isLast && !liveId && (revState === "submitted" || revState === "under_review")) searchable = [clinician.text, patient.text];
            if (isLast && searchable) insertSearch.run(articleId, question, searchable[0], searchable[1], topic);
          }
          // About 3% of live articles are past their re-review date and 0.5% are flagged (e.g. a retracted citation).
          const interval = rand() < 0.03 ? int(5, 25) : 365;
          const due = lastReviewed ? new Date(new Date(lastReviewed).getTime() + interval * DAY).toISOString() : null;
          updateArticle.run(liveId, workingId, lastReviewed, lastReviewed, due, articleId);
          if (liveId && rand() < 0.005) flagArticle.run(iso(int(1, 10) * DAY), "A cited reference was retracted.", articleId);
        }
      })
      .immediate();
    process.stdout.write(`\r${Math.min(ARTICLES, start + BATCH)} / ${ARTICLES} articles`);
  }
  client.pragma("synchronous = NORMAL");
  client.exec("ANALYZE");
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const size = (fs.statSync(OUT).size / 1024 / 1024).toFixed(0);
  console.log(
    `\nGenerated ${ARTICLES} articles, ${REFERENCES} references, ${auditCount} audit events into ${OUT} (${size} MiB) in ${seconds} s.`,
  );
  client.close();
}

main();
