import { clsx } from "clsx";
import type { ReactNode } from "react";

const TONES = {
  error: "border-red-300 bg-red-50 text-red-900",
  info: "border-sky-300 bg-sky-50 text-sky-900",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
};

/** A message box. role="alert" only for errors that must interrupt; data-testid-free so tests use roles/text. */
export function Alert({
  tone = "info",
  children,
  className,
  live,
}: {
  tone?: keyof typeof TONES;
  children: ReactNode;
  className?: string;
  live?: boolean;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : live ? "status" : undefined}
      data-alert={tone}
      className={clsx("rounded-md border px-4 py-3 text-sm", TONES[tone], className)}
    >
      {children}
    </div>
  );
}
