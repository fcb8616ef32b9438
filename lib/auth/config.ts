import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInWithCredentials } from "@/lib/dal/auth/authenticate";
import { signInSchema } from "@/lib/validation/user";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The password was right; the account has TOTP: the form asks for a code and re-submits. */
export class TotpRequired extends CredentialsSignin {
  code = "totp_required";
}

/** The password was right but the second-factor code was not (counted toward lockout). */
export class TotpInvalid extends CredentialsSignin {
  code = "totp_invalid";
}

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
}

/**
 * JWT sessions carry only who the user is and which session generation it belongs to; role,
 * office and whether the account is still active are read from the database at every request
 * (lib/auth/actor.ts), so a deactivation or role change takes effect at once. The session is read
 * there with next-auth's decoder (lib/auth/session.ts): its `auth()` would encrypt a renewed token
 * on every call and throw it away.
 */
export const { handlers, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // A refused sign-in is expected, answered with a generic message and recorded in the audit
    // log; only unexpected failures reach the server log.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new CredentialsSignin();
        const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
        const code =
          typeof credentials.code === "string" && credentials.code.trim() ? credentials.code : null;
        const outcome = await signInWithCredentials(parsed.data.email, parsed.data.password, ip, code);
        if (outcome.status === "totp_required") throw new TotpRequired();
        if (outcome.status === "totp_invalid") throw new TotpInvalid();
        if (outcome.status !== "ok") throw new CredentialsSignin();
        return { id: outcome.user.id, sessionVersion: outcome.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv } as typeof session;
    },
  },
});
