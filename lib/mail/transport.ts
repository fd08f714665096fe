import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { serverEnv } from "@/lib/env";

/**
 * The SMTP connection, from SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS).
 * None configured: mail stays in the outbox (/admin/mail). One transporter per process.
 */
const globalForMail = globalThis as unknown as { vettedMailTransport?: { url: string; transporter: Transporter } };

export function smtpUrl(): string | null {
  return serverEnv().SMTP_URL ?? null;
}

export function mailFrom(): string {
  return serverEnv().MAIL_FROM;
}

export function mailTransport(): Transporter | null {
  const url = smtpUrl();
  if (!url) return null;
  if (globalForMail.vettedMailTransport?.url !== url) {
    globalForMail.vettedMailTransport = { url, transporter: nodemailer.createTransport(url) };
  }
  return globalForMail.vettedMailTransport.transporter;
}
