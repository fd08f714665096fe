import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";

// next-auth 4 types its App Router handler as any.
const handler = NextAuth(authOptions) as (req: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

export { handler as GET, handler as POST };
