// Kept apart from lib/password-policy.ts so browser forms can import the limits
// without pulling the 49,000-entry common-password list into the client bundle.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** What a new password must be, as every form that sets one says it. */
export const NEW_PASSWORD_HINT = "12–128 characters. A passphrase of several unrelated words works well. Common passwords are refused.";
