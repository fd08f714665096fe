import type { APIRequestContext } from "@playwright/test";
import { serverActionId } from "./server-actions";

/**
 * Calls a server action the way any outside client could: a POST with its id in the
 * Next-Action header and the arguments as JSON. Returns the raw response text.
 */
export async function postAction(
  client: APIRequestContext,
  exportedName: string,
  file: string,
  args: unknown[],
  path = "/dashboard",
): Promise<string> {
  const response = await client.post(path, {
    headers: { "Next-Action": serverActionId(exportedName, file), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return response.text();
}
