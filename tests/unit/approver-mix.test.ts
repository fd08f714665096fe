import { describe, expect, test } from "vitest";
import { mixStatus, quorumReached, ruleForChangeClass, specialtyMatchesTopic, type SignOffRef } from "@/lib/workflow";
import { DEFAULT_SETTINGS, siteSettingsSchema } from "@/lib/validations/settings";

const H = "hash-now";
const approval = (
  id: number,
  reviewerId: number,
  credentialClass: SignOffRef["credentialClass"],
  extra: Partial<SignOffRef> = {},
): SignOffRef => ({
  id,
  reviewerId,
  decision: "approve",
  contentHash: H,
  credentialClass,
  ...extra,
});
const context = { currentHash: H, authorId: 1, activeReviewerIds: [10, 11, 12, 13] };
const policy = { requiredApprovals: 2, minorApprovals: 1, approverMix: DEFAULT_SETTINGS.approverMix, specialtyMatch: false };

describe("approver mix", () => {
  test("two nurses reach the count but not the mix of a new article; a physician completes it", () => {
    const rule = { ...context, ...ruleForChangeClass("new", policy, "Obstetrics") };
    const nurses = [approval(1, 10, "nurse"), approval(2, 11, "nurse")];
    expect(quorumReached(nurses, rule)).toBe(false);
    expect(mixStatus(nurses, rule)).toEqual([
      { label: "At least 1 physician approval", met: false, have: 0, need: 1, classes: ["physician"] },
    ]);
    expect(quorumReached([...nurses, approval(3, 12, "physician")], rule)).toBe(true);
  });

  test("a minor change needs minorApprovals and no class; the mix doesn't apply to it", () => {
    const rule = { ...context, ...ruleForChangeClass("minor", policy, "Obstetrics") };
    expect(rule.requiredApprovals).toBe(1);
    expect(quorumReached([approval(1, 10, "physiotherapist")], rule)).toBe(true);
  });

  test("a recused approval is recorded but never counts, for the count or the mix", () => {
    const rule = { ...context, ...ruleForChangeClass("major", policy, "") };
    const signOffs = [approval(1, 10, "physician", { recused: true }), approval(2, 11, "nurse")];
    expect(quorumReached(signOffs, rule)).toBe(false);
    expect(quorumReached([...signOffs, approval(3, 12, "nurse")], rule)).toBe(false);
    expect(quorumReached([...signOffs, approval(3, 12, "physician")], rule)).toBe(true);
  });

  test("the specialty match, when asked for, needs one approver whose specialty names the topic", () => {
    const rule = { ...context, ...ruleForChangeClass("new", { ...policy, specialtyMatch: true }, "Obstetrics") };
    const two = [approval(1, 10, "physician", { specialties: ["Cardiology"] }), approval(2, 11, "nurse")];
    expect(quorumReached(two, rule)).toBe(false);
    expect(mixStatus(two, rule).map((c) => [c.label, c.met])).toEqual([
      ["At least 1 physician approval", true],
      ["A reviewer whose specialty matches “Obstetrics”", false],
    ]);
    expect(quorumReached([two[0], approval(2, 11, "nurse", { specialties: ["Obstetrics and gynaecology"] })], rule)).toBe(true);
    expect(specialtyMatchesTopic("Pelvic health", "Obstetrics")).toBe(false);
  });
});

describe("approval settings", () => {
  const settings = { ...DEFAULT_SETTINGS };
  test("refuse a mix requirement asking for more approvals than the quorum, naming it", () => {
    const result = siteSettingsSchema.safeParse({
      ...settings,
      approverMix: [{ minApprovals: 3, classes: ["physician"], appliesTo: ["new", "major"] }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["approverMix.0.minApprovals", "Asks for 3 approvals, more than the 2 a review needs"],
    ]);
  });

  test("refuse more approvals for a minor change than a major one, and a requirement with no class", () => {
    expect(siteSettingsSchema.safeParse({ ...settings, minorApprovals: 3 }).success).toBe(false);
    expect(siteSettingsSchema.safeParse({ ...settings, approverMix: [{ minApprovals: 1, classes: [], appliesTo: ["new"] }] }).success).toBe(
      false,
    );
  });
});
