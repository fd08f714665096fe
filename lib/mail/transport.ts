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

export type SmtpTransporter = Transporter<SMTPTransport.SentMessageInfo>;

export function mailTransport(): SmtpTransporter | null {
  const url = smtpUrl();
  if (!url) return null;
  if (globalForMail.vettedMailTransport?.url !== url) {
    globalForMail.vettedMailTransport = { url, transporter: nodemailer.createTransport(url) };
  }
  return globalForMail.vettedMailTransport.transporter;
}
