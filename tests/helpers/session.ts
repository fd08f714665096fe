import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "vetted-demo-pass";

export const DEMO = {
  admin: "admin@vetted.test",
  editor: "editor@vetted.test",
  reviewer1: "reviewer1@vetted.test",
  reviewer2: "reviewer2@vetted.test",
  reviewer3: "reviewer3@vetted.test",
} as const;

/** Signs in through the real form and waits for the staff area. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, landing: RegExp = /\/dashboard/) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
}
