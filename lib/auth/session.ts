import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { readClaims, type SessionClaims, SessionClaimsCache } from "./session-claims";

/** next-auth's session cookie: prefixed when the app is served over HTTPS; the name is the salt. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

const globalForSessions = globalThis as unknown as { sanadSessionClaims?: SessionClaimsCache };

/** A cookie as next-auth writes it: whole, or in numbered chunks when it is long. */
function cookieValue(jar: Awaited<ReturnType<typeof cookies>>, name: string): string | undefined {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; ; i++) {
    const chunk = jar.get(`${name}.${i}`)?.value;
    if (chunk === undefined) break;
    chunks.push(chunk);
  }
  return chunks.length > 0 ? chunks.join("") : undefined;
}

/**
 * The session of this request, read from next-auth's cookie with next-auth's own decoder, and only
 * read: `auth()` also encrypts a renewed token on every call, which it then discards in server
 * components and route handlers.
 */
export async function currentSession(): Promise<SessionClaims | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(jar, name);
    if (!token) continue;
    globalForSessions.sanadSessionClaims ??= new SessionClaimsCache();
    return readClaims(
      token,
      Date.now(),
      (t) => decode({ token: t, secret, salt: name }),
      globalForSessions.sanadSessionClaims,
    );
  }
  return null;
}
