import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { E2E_MAIL_DIR } from "../../playwright.config";

/**
 * The end-to-end server's mailbox: every message its real SMTP server accepted
 * (scripts/e2e-mail-sink.mjs), parsed with mailparser. Specs own their recipients (fixture users
 * have addresses unique to the worker and test), so each reads only the mail addressed to them.
 */
export type ReceivedMail = {
  file: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: ParsedMail["headers"];
  /** Every http(s) link in the text part, in order. */
  links: string[];
};

const parsed = new Map<string, ReceivedMail>();

const addresses = (field: ParsedMail["to"]): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));

async function read(file: string): Promise<ReceivedMail> {
  const cached = parsed.get(file);
  if (cached) return cached;
  const mail = await simpleParser(fs.readFileSync(path.join(E2E_MAIL_DIR, file)));
  const text = mail.text ?? "";
  const received: ReceivedMail = {
    file,
    to: addresses(mail.to),
    subject: mail.subject ?? "",
    text,
    html: typeof mail.html === "string" ? mail.html : "",
    messageId: mail.messageId ?? "",
    headers: mail.headers,
    links: text.match(/https?:\/\/[^\s<>"]+/g) ?? [],
  };
  parsed.set(file, received);
  return received;
}

/** Every message delivered to an address so far, oldest first. */
export async function mailTo(address: string): Promise<ReceivedMail[]> {
  const files = fs.existsSync(E2E_MAIL_DIR)
    ? fs
        .readdirSync(E2E_MAIL_DIR)
        .filter((f) => f.endsWith(".eml"))
        .sort()
    : [];
  const all = await Promise.all(files.map(read));
  return all.filter((m) => m.to.includes(address.toLowerCase()));
}

/**
 * Waits for a message to an address (optionally with a subject matching), polling the folder:
 * the server's job runner delivers within a second or two of the change that caused it.
 */
export async function waitForMail(address: string, options: { subject?: string | RegExp; timeoutMs?: number } = {}): Promise<ReceivedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const matches = (m: ReceivedMail) =>
    options.subject === undefined ||
    (typeof options.subject === "string" ? m.subject.includes(options.subject) : options.subject.test(m.subject));
  for (;;) {
    const found = (await mailTo(address)).find(matches);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`No mail to ${address}${options.subject ? ` with subject ${String(options.subject)}` : ""} arrived in time`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const refuseFile = () => path.join(E2E_MAIL_DIR, "refuse.txt");

/** Makes the SMTP server answer "451 try again later" to this address until `acceptMailFor`. */
export function refuseMailFor(address: string): void {
  fs.mkdirSync(E2E_MAIL_DIR, { recursive: true });
  fs.appendFileSync(refuseFile(), `${address.toLowerCase()}\n`);
}

export function acceptMailFor(address: string): void {
  if (!fs.existsSync(refuseFile())) return;
  const kept = fs
    .readFileSync(refuseFile(), "utf8")
    .split(/\r?\n/)
    .filter((line) => line && line !== address.toLowerCase());
  fs.writeFileSync(refuseFile(), kept.map((l) => `${l}\n`).join(""));
}
