import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../helpers/session";
import { e2eDb } from "../helpers/e2e-db";
import { postAction } from "../helpers/raw-action";

// These tests change site-wide settings: run them one after another and put everything back.
test.describe.configure({ mode: "serial" });

function storedSettings(): Record<string, unknown> {
  const db = e2eDb();
  try {
    return Object.fromEntries(
      (db.prepare("SELECT key, value FROM site_settings").all() as { key: string; value: string }[]).map((r) => [
        r.key,
        JSON.parse(r.value),
      ]),
    );
  } finally {
    db.close();
  }
}

test.describe("site settings", () => {
  test("invalid values show field errors, keep what was typed and save nothing", async ({ page }) => {
    const before = storedSettings();
    await signIn(page, DEMO.admin);
    await page.goto("/admin/settings");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Approvals required").fill("9");
    await page.getByLabel("Disclaimer for patients and caregivers").fill("   ");
    await page.getByLabel("Re-review interval (months)").fill("0");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.locator("#requiredApprovals-error")).toHaveText("At most 5 approvals");
    await expect(page.locator("#patientDisclaimer-error")).toHaveText("Enter the patient disclaimer");
    await expect(page.locator("#reviewIntervalMonths-error")).toHaveText("At least 1 month");
    await expect(page.locator("[data-alert=error]")).toContainText("Nothing was saved");
    await expect(page.getByLabel("Approvals required")).toHaveValue("9");
    expect(storedSettings()).toEqual(before);

    // The server action validates on its own too (a raw POST skips the browser's checks).
    const body = await postAction(
      page.request,
      "saveSiteSettingsAction",
      "lib/actions/settings.ts",
      [
        {
          siteName: "Vetted",
          requiredApprovals: 0,
          reviewIntervalMonths: 12,
          publishPolicy: "sometimes",
          defaultAudience: "patient",
          readabilityTarget: 8,
          clinicianDisclaimer: "c",
          patientDisclaimer: "p",
          editorialPolicy: "e",
        },
      ],
      "/admin/settings",
    );
    expect(body).toContain("At least 1 approval");
    expect(body).toContain("Choose a publish policy");
    expect(storedSettings()).toEqual(before);
  });

  test("a valid change is saved, audited and shown on reload; then restored", async ({ page }) => {
    await signIn(page, DEMO.admin);
    await page.goto("/admin/settings");
    await page.waitForLoadState("networkidle");
    const original = {
      approvals: await page.getByLabel("Approvals required").inputValue(),
      disclaimer: await page.getByLabel("Disclaimer for healthcare professionals").inputValue(),
    };
    const disclaimer = `For clinicians: verify against current guidelines (${Date.now()}).`;
    await page.getByLabel("Approvals required").fill("1");
    await page.getByLabel("Disclaimer for healthcare professionals").fill(disclaimer);
    await page.getByLabel("Approved articles only").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText(/Settings saved \(3 changed\)/)).toBeVisible();
    expect(storedSettings()).toMatchObject({ requiredApprovals: 1, clinicianDisclaimer: disclaimer, publishPolicy: "approved-only" });

    const db = e2eDb();
    const event = db
      .prepare("SELECT actor_label, summary FROM audit_events WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1")
      .get() as { actor_label: string; summary: string };
    db.close();
    expect(event.actor_label).toBe(DEMO.admin);
    expect(JSON.parse(event.summary)).toMatchObject({
      before: { requiredApprovals: Number(original.approvals), publishPolicy: "on-submit" },
      after: { requiredApprovals: 1, publishPolicy: "approved-only" },
    });

    await page.reload();
    await expect(page.getByLabel("Approvals required")).toHaveValue("1");
    await expect(page.getByLabel("Approved articles only")).toBeChecked();

    // Put the shared settings back through the same form.
    await page.getByLabel("Approvals required").fill(original.approvals);
    await page.getByLabel("Disclaimer for healthcare professionals").fill(original.disclaimer);
    await page.getByLabel("Show submitted articles").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText(/Settings saved \(3 changed\)/)).toBeVisible();
    expect(storedSettings()).toMatchObject({
      requiredApprovals: Number(original.approvals),
      publishPolicy: "on-submit",
      clinicianDisclaimer: original.disclaimer,
    });
  });
});
