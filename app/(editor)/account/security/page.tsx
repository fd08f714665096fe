import type { Metadata } from "next";
import QRCode from "qrcode";
import { requireUser } from "@/lib/dal/session";
import { pendingEnrolment, twoFactorStatus } from "@/lib/dal/two-factor";
import { listOpenSessions } from "@/lib/dal/user-sessions";
import { Alert } from "@/components/ui/alert";
import { ConfirmTwoFactorForm, StartTwoFactorButton } from "@/components/account/two-factor-setup";
import { EndOtherSessionsButton } from "@/components/account/session-buttons";
import { SessionList } from "@/components/account/session-list";

export const metadata: Metadata = { title: "Sign-in and security" };

/** The key in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export default async function SecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser({ allowTwoFactorSetup: true });
  const required = (await searchParams).required === "1" || !!user.mustEnrolTwoFactor;
  const status = twoFactorStatus(user.id);
  const pending = status.pending ? pendingEnrolment(user) : null;
  const qr = pending ? await QRCode.toString(pending.uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) : null;
  const sessions = listOpenSessions(user.id);

  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-semibold">Sign-in and security</h1>
      {required && !status.enabled && (
        <Alert tone="warning">
          This site requires two-factor sign-in for your role. Set it up to continue; until then nothing else in Vetted is available to you.
        </Alert>
      )}

      <section aria-labelledby="two-factor-heading" className="space-y-4 rounded-md border border-slate-200 bg-white p-5">
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        {status.enabled ? (
          <>
            <p className="text-sm">
              <strong>On</strong> since {status.enabledAt?.slice(0, 10)}. Signing in and signing reviews ask for a code from your
              authenticator app. {status.recoveryCodesLeft} of 10 recovery codes left.
            </p>
            <p className="text-sm text-muted">Lost your phone and your recovery codes? Ask an administrator to reset two-factor sign-in.</p>
          </>
        ) : pending && qr ? (
          <div className="space-y-4">
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              <li>Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, 1Password).</li>
              <li>Scan this QR code, or type the key below into the app.</li>
              <li>Enter the 6-digit code the app shows.</li>
            </ol>
            <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
              {/* eslint-disable-next-line @next/next/no-img-element -- an inline data URL, generated on the server */}
              <img
                src={`data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}`}
                alt="QR code for your authenticator app"
                width={200}
                height={200}
                className="rounded border border-slate-200"
              />
              <div className="space-y-1 text-sm">
                <p className="font-medium">Key (if you can&apos;t scan)</p>
                <p>
                  <code data-testid="totp-key" className="break-words rounded bg-slate-100 px-2 py-1 font-mono">
                    {grouped(pending.secret)}
                  </code>
                </p>
                <p className="text-muted">Time-based, 6 digits, every 30 seconds.</p>
              </div>
            </div>
            <ConfirmTwoFactorForm />
          </div>
        ) : (
          <>
            <p className="text-sm">
              Off. With two-factor sign-in, signing in and signing reviews need a code from an app on your phone as well as your password.
            </p>
            <StartTwoFactorButton />
          </>
        )}
      </section>

      {!required || status.enabled ? (
        <section aria-labelledby="sessions-heading" className="space-y-4">
          <h2 id="sessions-heading" className="text-lg font-semibold">
            Where you are signed in
          </h2>
          <p className="text-sm text-muted">
            A session ends after a period without activity set by your administrators, and after 8 hours in any case.
          </p>
          <SessionList sessions={sessions} currentId={user.sessionId} />
          {sessions.length > 1 && <EndOtherSessionsButton />}
        </section>
      ) : null}
    </div>
  );
}
