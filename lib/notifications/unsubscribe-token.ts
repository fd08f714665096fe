import { createHmac, timingSafeEqual } from "node:crypto";
import { NOTIFICATION_KIND_INFO, type NotificationKind } from "@/lib/notification-kinds";

/**
 * One-click unsubscribe tokens: `<userId>.<kind>.<HMAC-SHA256 over both>`, keyed with the auth
 * secret. Anyone holding the link (the recipient's mailbox) may turn that one kind off for that
 * one user, without signing in (RFC 8058); nothing else. Pure: the caller passes the secret.
 */
const mac = (secret: string, userId: number, kind: string) =>
  createHmac("sha256", secret).update(`vetted-unsubscribe:${userId}:${kind}`).digest("base64url");

export function signUnsubscribeToken(secret: string, userId: number, kind: NotificationKind): string {
  return `${userId}.${kind}.${mac(secret, userId, kind)}`;
}

/** The user and kind a genuine token names; null for anything forged, altered or for a kind that can't be turned off. */
export function readUnsubscribeToken(secret: string, token: string | null | undefined): { userId: number; kind: NotificationKind } | null {
  const match = /^([1-9][0-9]{0,15})\.([a-z_]{1,40})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!match) return null;
  const [, id, kind, signature] = match;
  if (!Object.hasOwn(NOTIFICATION_KIND_INFO, kind)) return null;
  const userId = Number(id);
  const expected = Buffer.from(mac(secret, userId, kind));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const known = kind as NotificationKind;
  return NOTIFICATION_KIND_INFO[known].canTurnOff ? { userId, kind: known } : null;
}
