import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { claimsOf, readClaims, SessionClaimsCache } from "./session-claims";

const SECRET = "a-test-secret-of-enough-length-0123456789";
const SALT = "authjs.session-token";
const NOW = Date.UTC(2026, 0, 10, 12);

const token = (claims: Record<string, unknown>, salt = SALT) =>
  encode({ token: claims, secret: SECRET, salt, maxAge: 8 * 60 * 60 });
const decrypt =
  (salt = SALT) =>
  (t: string) =>
    decode({ token: t, secret: SECRET, salt });

describe("session claims", () => {
  it("reads who the user is and the session generation from a token next-auth wrote", async () => {
    const t = await token({ sub: "user-1", sv: 3 });
    const claims = await readClaims(t, Date.now(), decrypt(), new SessionClaimsCache());
    expect(claims).toMatchObject({ userId: "user-1", sessionVersion: 3 });
    expect(claims?.expiresAt).toBeGreaterThan(Date.now() + 7 * 60 * 60 * 1000);
  });

  it("refuses a token written for the other cookie name, a tampered token, and one without a generation", async () => {
    const cache = new SessionClaimsCache();
    const secure = await token({ sub: "user-1", sv: 1 }, "__Secure-authjs.session-token");
    expect(await readClaims(secure, Date.now(), decrypt(), cache)).toBeNull();
    const good = await token({ sub: "user-1", sv: 1 });
    const tampered = `${good.slice(0, -4)}${good.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    expect(await readClaims(tampered, Date.now(), decrypt(), cache)).toBeNull();
    expect(await readClaims(await token({ sub: "user-1" }), Date.now(), decrypt(), cache)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("decrypts a token once and serves it from the cache until it expires", async () => {
    const cache = new SessionClaimsCache();
    const exp = NOW / 1000 + 60;
    const fake = vi.fn(async () => ({ sub: "user-1", sv: 2, exp }));
    expect(await readClaims("t1", NOW, fake, cache)).toMatchObject({ userId: "user-1" });
    expect(await readClaims("t1", NOW + 59_000, fake, cache)).toMatchObject({ userId: "user-1" });
    expect(fake).toHaveBeenCalledTimes(1);
    // At expiry the cached claims are dropped and the token, decrypted again, is refused as expired.
    expect(await readClaims("t1", NOW + 60_000, fake, cache)).toBeNull();
    expect(fake).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it("never confuses two tokens, and keeps only the newest entries", async () => {
    const cache = new SessionClaimsCache(2);
    const exp = NOW / 1000 + 3600;
    const byToken = async (t: string) => ({ sub: `user-${t}`, sv: 1, exp });
    await readClaims("a", NOW, byToken, cache);
    await readClaims("b", NOW, byToken, cache);
    expect((await readClaims("a", NOW, byToken, cache))?.userId).toBe("user-a");
    await readClaims("c", NOW, byToken, cache);
    expect(cache.size).toBe(2);
    expect(cache.get("b", NOW)).toBeNull();
    expect(cache.get("a", NOW)?.userId).toBe("user-a");
    expect(cache.get("c", NOW)?.userId).toBe("user-c");
  });

  it("treats a decryption failure as no session and caches nothing", async () => {
    const cache = new SessionClaimsCache();
    const failing = async () => {
      throw new Error("bad token");
    };
    expect(await readClaims("x", NOW, failing, cache)).toBeNull();
    expect(cache.size).toBe(0);
    expect(claimsOf(null)).toBeNull();
    expect(claimsOf({ sub: "u", sv: "1", exp: 1 })).toBeNull();
  });
});
