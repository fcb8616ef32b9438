/**
 * What a session token says: who the user is and which session generation it belongs to. Reading
 * it is decrypting a JWE, which costs as much CPU as the rest of a small request; a token is
 * immutable, so its claims are kept, by the token, until the token expires.
 */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** When the token stops being valid, in ms since the epoch. */
  expiresAt: number;
}

/** The claims of a decrypted payload, or null when it lacks any of them. */
export function claimsOf(payload: Record<string, unknown> | null): SessionClaims | null {
  if (!payload) return null;
  const { sub, sv, exp } = payload;
  if (typeof sub !== "string" || typeof sv !== "number" || typeof exp !== "number") return null;
  return { userId: sub, sessionVersion: sv, expiresAt: exp * 1000 };
}

/** Decrypted tokens by their text, least recently used dropped first; an expired one is never served. */
export class SessionClaimsCache {
  private readonly entries = new Map<string, SessionClaims>();

  constructor(private readonly capacity = 1_000) {}

  get(token: string, now: number): SessionClaims | null {
    const claims = this.entries.get(token);
    if (!claims) return null;
    if (claims.expiresAt <= now) {
      this.entries.delete(token);
      return null;
    }
    this.entries.delete(token);
    this.entries.set(token, claims);
    return claims;
  }

  set(token: string, claims: SessionClaims): void {
    this.entries.delete(token);
    this.entries.set(token, claims);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * The claims of a token: from the cache, or decrypted (a token that does not decrypt, or whose
 * claims are missing or expired, is no session).
 */
export async function readClaims(
  token: string,
  now: number,
  decrypt: (token: string) => Promise<Record<string, unknown> | null>,
  cache: SessionClaimsCache,
): Promise<SessionClaims | null> {
  const cached = cache.get(token, now);
  if (cached) return cached;
  let claims: SessionClaims | null;
  try {
    claims = claimsOf(await decrypt(token));
  } catch {
    return null;
  }
  if (!claims || claims.expiresAt <= now) return null;
  cache.set(token, claims);
  return claims;
}
