import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/permissions";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
    /** The server-side session record this sign-in created (lib/dal/user-sessions.ts). */
    sid: string;
  }
  interface Session {
    user: DefaultSession["user"] & { id: number; role: Role; sessionVersion: number; sid?: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: Role;
    sv: number;
    sid?: string;
    /** Set only on a sign-in's second-step challenge, never on a session token. */
    challenge?: "2fa";
  }
}
