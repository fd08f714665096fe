import { z } from "@/lib/validations/zod";
import {
  CONFIGURABLE_NOTIFICATION_KINDS,
  NOTIFICATION_DELIVERIES,
  type NotificationDelivery,
  type NotificationKind,
} from "@/lib/notification-kinds";

/**
 * The notification settings form: for each kind a user may change, immediately / daily digest /
 * off. A kind the form doesn't show (not the user's role) may be left out; security is not a
 * field (it can't be changed), so sending it is refused like any unknown field.
 */
const delivery = z.enum(NOTIFICATION_DELIVERIES, { message: "Choose immediately, daily digest or off" });

export type NotificationPreferencesInput = Partial<Record<NotificationKind, NotificationDelivery>>;

export const notificationPreferencesSchema = z
  .object(Object.fromEntries(CONFIGURABLE_NOTIFICATION_KINDS.map((kind) => [kind, delivery.optional()])))
  .strict() as unknown as z.ZodType<NotificationPreferencesInput, NotificationPreferencesInput>;
