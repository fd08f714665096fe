import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/auth-secret";
import { clientAddress } from "@/lib/security/client-ip";
import { serverEnv } from "@/lib/env";
import { isHttpsSite } from "@/lib/security/https-site";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth-jwt";
import { checkSecondFactor } from "@/lib/dal/two-factor";
import { createUserSession, markSessionEnded, type SessionFactors } from "@/lib/dal/user-sessions";
import { recordSignIn, userForSecondStep, verifyCredentials, type SignedInUser } from "@/lib/dal/users";
import { writeTransaction } from "@/db";
import { SECOND_STEP_PREFIX, secondStepSchema, signInSchema, SIGN_IN_EXPIRED } from "@/lib/validations/auth";
import { throttleMessage } from "@/lib/throttle";

type Headers = Record<string, string | string[] | undefined> | undefined;

const clientIp = (headers: Headers) => clientAddress(headers?.["x-forwarded-for"], serverEnv().TRUSTED_PROXY_HOPS);
const userAgent = (headers: Headers) => {
  const ua = headers?.["user-agent"];
  return (Array.isArray(ua) ? ua[0] : ua) ?? "";
};

/** The password step's proof, handed to the browser for the code step: encrypted, 5 minutes. */
const CHALLENGE_SALT = "vetted.sign-in.second-step";
const CHALLENGE_SECONDS = 5 * 60;

const challengeFor = (user: SignedInUser) =>
  encodeSessionToken({
    token: { uid: user.id, role: user.role, sv: user.sessionVersion, challenge: "2fa" },
    secret: authSecret(),
    salt: CHALLENGE_SALT,
    maxAge: CHALLENGE_SECONDS,
  });

async function userOfChallenge(challenge: string): Promise<SignedInUser | null> {
  const claims = await decodeSessionToken({ token: challenge, secret: authSecret(), salt: CHALLENGE_SALT }).catch(() => null);
  if (!claims || claims.challenge !== "2fa") return null;
  return userForSecondStep(claims.uid, claims.sv);
}

function signedIn(user: SignedInUser, headers: Headers, factors: SessionFactors) {
  const sid = createUserSession({
    userId: user.id,
    sessionVersion: user.sessionVersion,
    userAgent: userAgent(headers),
    ip: clientIp(headers),
    factors,
  });
  return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sid };
}

/**
 * Sign-in is one or two steps through the same credentials provider. Step one takes email and
 * password; for a user with a second factor it answers with an error carrying a short-lived
 * encrypted challenge (lib/validations/auth.ts SECOND_STEP_PREFIX) instead of a session. Step two
 * takes that challenge and a code (TOTP or recovery). Each completed sign-in creates its session
 * record, whose id the token carries.
 */
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/login" },
  useSecureCookies: isHttpsSite(),
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        challenge: { label: "Challenge", type: "hidden" },
        code: { label: "Code", type: "text" },
      },
      async authorize(credentials, req) {
        const ip = clientIp(req?.headers);
        if (credentials?.challenge) {
          const step = secondStepSchema.safeParse(credentials);
          if (!step.success) throw new Error("Enter the 6-digit code from your app, or a recovery code.");
          const user = await userOfChallenge(step.data.challenge);
          if (!user) throw new Error(SIGN_IN_EXPIRED);
          const check = checkSecondFactor(user, step.data.code, "sign_in", ip);
          if (!check.ok) throw new Error(check.message);
          const factors: SessionFactors = check.method === "totp" ? "password+totp" : "password+recovery";
          recordSignIn(user, ip, factors);
          return signedIn(user, req?.headers, factors);
        }
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const outcome = await verifyCredentials(parsed.data.email, parsed.data.password, ip);
        // next-auth passes a thrown message to the sign-in form; a plain failure stays generic.
        if (!outcome.ok && outcome.throttledUntil) throw new Error(throttleMessage(outcome.throttledUntil));
        if (!outcome.ok) return null;
        if (outcome.needsSecondFactor) throw new Error(SECOND_STEP_PREFIX + (await challengeFor(outcome.user)));
        return signedIn(outcome.user, req?.headers, "password");
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.uid, role: token.role, sessionVersion: token.sv, sid: token.sid };
      return session;
    },
  },
  events: {
    signOut({ token }) {
      const sid = token?.sid;
      if (sid) writeTransaction((tx) => markSessionEnded(tx, sid, "signed_out"));
    },
  },
};
