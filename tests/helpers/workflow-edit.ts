import { execFileSync } from "node:child_process";
import path from "node:path";
import { E2E_DATABASE } from "../../playwright.config";

export type RevisionChanges = Partial<{ question: string; clinicianBody: string; patientBody: string; disclosure: string }>;

/**
 * "The editor edits the article": saves changes to the working revision through the same DAL a
 * save uses (hash recomputed, citations synced, reviewers told to sign again, audited), on the
 * end-to-end server's database, as the demo editor or `editorEmail`. The one place e2e tests edit, so it can be switched to driving
 * the editor page once the authoring branch is merged.
 */
export function editRevisionContent(
  articleId: number,
  changes: RevisionChanges,
  editorEmail?: string,
): { revisionId: number; contentHash: string } {
  const root = path.resolve(__dirname, "..", "..");
  const out = execFileSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join(root, "tests", "helpers", "workflow-edit-cli.ts"),
      String(articleId),
      JSON.stringify(changes),
      ...(editorEmail ? [editorEmail] : []),
    ],
    { cwd: root, env: { ...process.env, DATABASE_PATH: E2E_DATABASE }, encoding: "utf8" },
  );
  return JSON.parse(out) as { revisionId: number; contentHash: string };
}
