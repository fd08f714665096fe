/**
 * Run by tests/helpers/workflow-edit.ts in its own process (with the react-server condition, so
 * the DAL's server-only guard resolves): saves an edit through the app's DAL as the demo editor.
 * argv: <articleId> <JSON changes> [editor email]
 */
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { saveWorkingRevisionContent } from "@/lib/dal/workflow-edit";
import type { RevisionChanges } from "./workflow-edit";

const [articleId, changesJson, email = "editor@vetted.test"] = process.argv.slice(2);
const row = getDb().select().from(users).where(eq(users.email, email)).get();
if (!row) throw new Error(`no user ${email}`);
const user = { id: row.id, email: row.email, name: row.name, role: row.role, active: row.active, mustChangePassword: false };
const result = saveWorkingRevisionContent(user, Number(articleId), JSON.parse(changesJson) as RevisionChanges);
process.stdout.write(JSON.stringify(result));
