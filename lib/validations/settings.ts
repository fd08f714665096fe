import { z } from "@/lib/validations/zod";
import { isKnownTimeZone } from "@/lib/time-zone";
import { CHANGE_CLASSES, CREDENTIAL_CLASSES, ROLES, type Role } from "@/lib/domain";

export const PUBLISH_POLICIES = ["on-submit", "approved-only"] as const;
/** Who may withdraw, republish and archive a live article: admins only, or editors too. */
export const WITHDRAW_ROLES = ["admins", "admins-and-editors"] as const;

/** Which roles must sign in with a second factor (requireTwoFactor). */
export const TWO_FACTOR_REQUIREMENTS = ["none", "admin", "admin-reviewer", "all"] as const;
export type TwoFactorRequirement = (typeof TWO_FACTOR_REQUIREMENTS)[number];
export const TWO_FACTOR_REQUIREMENT_LABELS: Record<TwoFactorRequirement, string> = {
  none: "Nobody (optional for everyone)",
  admin: "Administrators",
  "admin-reviewer": "Administrators and board reviewers (recommended)",
  all: "Everyone",
};

export function rolesRequiringTwoFactor(requirement: TwoFactorRequirement): readonly Role[] {
  switch (requirement) {
    case "none":
      return [];
    case "admin":
      return ["admin"];
    case "admin-reviewer":
      return ["admin", "reviewer"];
    case "all":
      return ROLES;
  }
}

const whole = (min: number, max: number, tooFew: string, tooMany: string) =>
  z.coerce.number({ message: "Enter a number" }).int("Enter a whole number").min(min, tooFew).max(max, tooMany);

/** "At least N approvals from these classes, for these change classes" (lib/workflow/quorum.ts). */
export const mixRequirementSchema = z
  .object({
    minApprovals: whole(1, 5, "At least 1 approval", "At most 5 approvals"),
    classes: z
      .array(z.enum(CREDENTIAL_CLASSES, { message: "Choose a credential class" }))
      .min(1, "Choose at least one credential class")
      .refine((c) => new Set(c).size === c.length, "Each class once"),
    appliesTo: z
      .array(z.enum(CHANGE_CLASSES, { message: "Choose a change class" }))
      .min(1, "Choose the changes it applies to")
      .refine((c) => new Set(c).size === c.length, "Each change class once"),
  })
  .strict();

export const siteSettingsSchema = z
  .object({
    siteName: z.string().trim().min(1, "Enter a site name").max(80, "Use at most 80 characters"),
    requiredApprovals: whole(1, 5, "At least 1 approval", "At most 5 approvals"),
    reviewIntervalMonths: whole(1, 60, "At least 1 month", "At most 60 months"),
    publishPolicy: z.enum(PUBLISH_POLICIES, { message: "Choose a publish policy" }),
    defaultAudience: z.enum(["clinician", "patient"], { message: "Choose an audience" }),
    readabilityTarget: z.coerce.number({ message: "Enter a number" }).min(3, "Grade 3 or above").max(16, "Grade 16 or below"),
    guidelineMaxAgeYears: whole(1, 30, "At least 1 year", "At most 30 years"),
    clinicianDisclaimer: z.string().trim().min(1, "Enter the clinician disclaimer").max(4000, "Use at most 4,000 characters"),
    patientDisclaimer: z.string().trim().min(1, "Enter the patient disclaimer").max(4000, "Use at most 4,000 characters"),
    editorialPolicy: z.string().trim().min(1, "Enter the editorial policy").max(50_000, "Use at most 50,000 characters"),
    timeZone: z
      .string()
      .trim()
      .min(1, "Choose a time zone")
      .refine(isKnownTimeZone, "Choose a time zone from the list (for example Europe/London)"),
    digestHour: whole(0, 23, "An hour from 0 to 23", "An hour from 0 to 23"),
    reminderDaysBefore: whole(0, 30, "0 days or more (0 turns the early reminder off)", "At most 30 days"),
    escalateAfterDays: whole(1, 60, "At least 1 day", "At most 60 days"),
    requireTwoFactor: z.enum(TWO_FACTOR_REQUIREMENTS, { message: "Choose who must use two-factor sign-in" }),
    staffIdleMinutes: whole(1, 480, "At least 1 minute", "At most 480 minutes (8 hours)"),
    errorReportTargetDays: whole(1, 60, "At least 1 day", "At most 60 days"),
    unsourcedStatements: z.enum(["warn", "block"], { message: "Choose how to treat statements without a source" }),
    minorApprovals: whole(1, 5, "At least 1 approval", "At most 5 approvals"),
    minorMaxChangedWords: whole(1, 200, "At least 1 word", "At most 200 words"),
    approverMix: z.array(mixRequirementSchema).max(10, "At most 10 requirements"),
    specialtyMatch: z.boolean(),
    withdrawBy: z.enum(WITHDRAW_ROLES, { message: "Choose who may withdraw articles" }),
  })
  .strict()
  // A requirement no quorum could meet would block every review of that class.
  .superRefine((s, ctx) => {
    if (s.minorApprovals > s.requiredApprovals) {
      ctx.addIssue({ code: "custom", path: ["minorApprovals"], message: "A minor change can't need more approvals than a major one" });
    }
    s.approverMix.forEach((m, i) => {
      const most = Math.min(...m.appliesTo.map((c) => (c === "minor" ? s.minorApprovals : s.requiredApprovals)));
      if (m.minApprovals > most) {
        ctx.addIssue({
          code: "custom",
          path: ["approverMix", i, "minApprovals"],
          message: `Asks for ${m.minApprovals} approvals, more than the ${most} a ${m.appliesTo.includes("minor") && most === s.minorApprovals ? "minor change" : "review"} needs`,
        });
      }
    });
  });

/** What the settings form holds before coercion (numbers arrive as strings from inputs). */
export type SiteSettingsFormValues = z.input<typeof siteSettingsSchema>;
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const DEFAULT_SETTINGS: SiteSettings = {
  siteName: "Vetted Health Answers",
  requiredApprovals: 2,
  reviewIntervalMonths: 12,
  publishPolicy: "on-submit",
  defaultAudience: "patient",
  readabilityTarget: 8,
  guidelineMaxAgeYears: 5,
  timeZone: "UTC",
  digestHour: 8,
  reminderDaysBefore: 3,
  escalateAfterDays: 7,
  requireTwoFactor: "admin",
  staffIdleMinutes: 30,
  errorReportTargetDays: 7,
  unsourcedStatements: "warn",
  minorApprovals: 1,
  minorMaxChangedWords: 10,
  approverMix: [{ minApprovals: 1, classes: ["physician"], appliesTo: ["new", "major"] }],
  specialtyMatch: false,
  withdrawBy: "admins",
  clinicianDisclaimer:
    "This information is intended for healthcare professionals. It supplements, and does not replace, clinical judgement and current practice guidelines. Verify recommendations against the primary literature before applying them to an individual patient.",
  patientDisclaimer:
    "This article is general health information, not medical advice. It cannot take the place of a visit with your doctor, midwife or other health professional. If you have a health concern, please talk to someone who knows your situation. In an emergency, call your local emergency number.",
  editorialPolicy: [
    "## How we write and review our answers",
    "",
    "Every answer on this site is written by our editorial team from published clinical guidelines and peer-reviewed research, and cited so you can check the sources yourself.",
    "",
    "### Two wordings, one set of facts",
    "",
    "Each answer has a version for healthcare professionals and a version in plain language for patients and caregivers. Both say the same thing and cite the same kind of evidence.",
    "",
    "### Review by our Medical Advisory Board",
    "",
    "Before an answer is marked *Approved*, at least two members of our Medical Advisory Board review the exact text for medical accuracy and sign off on it. If the text changes after they sign, their approval no longer counts and they must review it again.",
    "",
    "### Pending review",
    "",
    "Some answers are shown while their review is still in progress. These carry a clear *pending review* notice and the review status, and are for educational purposes only.",
    "",
    "### Keeping answers current",
    "",
    "Every approved answer is re-reviewed at least once a year, and sooner if a source it relies on is corrected or retracted.",
    "",
    "### Conflicts of interest",
    "",
    "Authors declare any conflict of interest, and reviewers do not review answers they wrote.",
  ].join("\n"),
};
