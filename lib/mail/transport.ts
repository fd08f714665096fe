import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { serverEnv } from "@/lib/env";

/**
 * The SMTP connection, from SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS).
 * None configured: mail stays in the outbox (/admin/mail). One transporter per process.
 */
const globalForMail = globalThis as unknown as { vettedMailTransport?: { url: string; transporter: SmtpTransporter } };

export function smtpUrl(): string | null {
  return serverEnv().SMTP_URL ?? null;
}

export function mailFrom(): string {
  return serverEnv().MAIL_FROM;
}

/**
 * One kept-open SMTP connection for the runner's messages instead of a new connection (TCP, EHLO,
 * TLS) per message; nodemailer reopens it when the server closes it. A URL that says otherwise wins.
 */
function pooled(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has("pool")) parsed.searchParams.set("pool", "true");
  return parsed.toString();
}

export type SmtpTransporter = Transporter<SMTPTransport.SentMessageInfo>;

export function mailTransport(): SmtpTransporter | null {
  const url = smtpUrl();
  if (!url) return null;
  if (globalForMail.vettedMailTransport?.url !== url) {
    globalForMail.vettedMailTransport = { url, transporter: nodemailer.createTransport(pooled(url)) };
  }
  return globalForMail.vettedMailTransport.transporter;
}

/** Closes the kept-open SMTP connection (the runner's stop, tests' teardown); the next send opens a new one. */
export function closeMailTransport(): void {
  globalForMail.vettedMailTransport?.transporter.close();
  globalForMail.vettedMailTransport = undefined;
}
