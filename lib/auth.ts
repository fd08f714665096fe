import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/auth-secret";
import { clientAddress } from "@/lib/security/client-ip";
import { serverEnv } from "@/lib/env";
import { isHttpsSite } from "@/lib/security/https-site";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth-jwt";
import { verifyCredentials } from "@/lib/dal/users";
import { signInSchema } from "@/lib/validations/auth";
import { throttleMessage } from "@/lib/throttle";

const clientIp = (headers: Record<string, string | string[] | undefined> | undefined) =>
  clientAddress(headers?.["x-forwarded-for"], serverEnv().TRUSTED_PROXY_HOPS);

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/login" },
  useSecureCookies: isHttpsSite(),
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const outcome = await verifyCredentials(parsed.data.email, parsed.data.password, clientIp(req?.headers));
        // next-auth passes a thrown message to the sign-in form; a plain failure stays generic.
        if (!outcome.ok && outcome.throttledUntil) throw new Error(throttleMessage(outcome.throttledUntil));
        if (!outcome.ok) return null;
        const user = outcome.user;
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.uid, role: token.role, sessionVersion: token.sv };
      return session;
    },
  },
};
