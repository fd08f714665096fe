import type { SessionListItem } from "@/lib/dal/user-sessions";
import { EndSessionButton } from "@/components/account/session-buttons";

const FACTOR_LABELS: Record<string, string> = {
  password: "Password",
  "password+totp": "Password and authenticator code",
  "password+recovery": "Password and recovery code",
};

/** A short name for a browser from its user agent ("Firefox on Windows"); the full string is in the title. */
export function browserName(userAgent: string): string {
  if (!userAgent) return "Unknown browser";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Browser";
  const os = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iOS"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return os ? `${browser} on ${os}` : browser;
}

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** Open sessions with "Sign out this session" on each but the current one (for admins: on every one). */
export function SessionList({ sessions, currentId, userId }: { sessions: SessionListItem[]; currentId?: string; userId?: number }) {
  if (sessions.length === 0) return <p className="text-sm text-muted">No open sessions.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" aria-label="Open sessions">
      {sessions.map((s) => {
        const current = s.id === currentId;
        const name = browserName(s.userAgent);
        return (
          <li key={s.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="text-sm">
              <p className="font-medium" title={s.userAgent}>
                {name} {current && <span className="ml-1 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-800">This browser</span>}
              </p>
              <p className="text-muted">
                From {s.ip || "an unknown address"} · signed in {utc(s.createdAt)} · last active {utc(s.lastSeenAt)}
              </p>
              <p className="text-muted">Signed in with: {FACTOR_LABELS[s.factors] ?? s.factors}</p>
            </div>
            {!current && <EndSessionButton sessionId={s.id} userId={userId} label={`Sign out the session of ${name} from ${s.ip}`} />}
          </li>
        );
      })}
    </ul>
  );
}
