import { defineConfig } from "drizzle-kit";
import { serverEnv } from "./lib/env";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: { url: serverEnv().DATABASE_PATH },
  strict: true,
  verbose: true,
});
