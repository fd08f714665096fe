/** Applies pending migrations (opening the database does it) and reports where. */
import { databasePath, getDb } from "./index";

getDb();
console.log(`Database ready at ${databasePath()}`);
