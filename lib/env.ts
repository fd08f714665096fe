/**
 * The app's typed view of its environment variables (declared, with defaults and checks, in
 * lib/env-schema.mjs). Call serverEnv() where a value is needed rather than reading process.env:
 * the checks then hold everywhere, and a bad value has already stopped start-up
 * (instrumentation.ts, scripts/start.mjs). Pure apart from reading process.env.
 */
import { ENV_VARS, parseEnv, publicUrl, type EnvVar, type ParsedEnv } from "./env-schema.mjs";

export { EnvError, ENV_VARS, isSet, parseEnv, publicUrl } from "./env-schema.mjs";

type Group = EnvVar["group"];
type NamesOf<G extends Group> = {
  [K in keyof typeof ENV_VARS]: (typeof ENV_VARS)[K]["group"] extends G ? K : never;
}[keyof typeof ENV_VARS];

export type ServerEnv = Pick<ParsedEnv, NamesOf<"server">>;
export type TestEnv = Pick<ParsedEnv, NamesOf<"test">>;
export type ToolsEnv = Pick<ParsedEnv, NamesOf<"tools">>;

const cache = new Map<Group, { key: string; env: ParsedEnv }>();

/** Parsed once per distinct set of raw values, so tests that change process.env see the change. */
function read(group: Group): ParsedEnv {
  const key = Object.entries(ENV_VARS)
    .filter(([, spec]) => spec.group === group)
    .map(([name]) => `${name}=${process.env[name] ?? ""}`)
    .join("\n");
  const hit = cache.get(group);
  if (hit?.key === key) return hit.env;
  const env = parseEnv(process.env, [group]);
  cache.set(group, { key, env });
  return env;
}

/** What the app and `npm start` read. Throws EnvError (one line) on a bad value. */
export const serverEnv = (): ServerEnv => read("server");
/** What the end-to-end test runner reads (playwright.config.ts). */
export const testEnv = (): TestEnv => read("test");
/** What the maintenance scripts read (lighthouse, security scan). */
export const toolsEnv = (): ToolsEnv => read("tools");

/** The public URL of the staff site: NEXTAUTH_URL, or http://HOST:PORT. */
export const authUrl = (): string => publicUrl(serverEnv());
