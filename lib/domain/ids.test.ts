import { describe, expect, it } from "vitest";
import { pooledRandomBytes, uuidV7 } from "./ids";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidV7", () => {
  it("is a version 7 UUID whose first 48 bits are the time in milliseconds", () => {
    const now = Date.UTC(2026, 11, 3, 8, 0, 0, 123);
    const id = uuidV7(now);
    expect(id).toMatch(V7);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(now);
  });

  it("sorts later ids after earlier ones as text, which is the byte order PostgreSQL compares uuids in", () => {
    const ids = [0, 1, 255, 256, 65_536, 1_700_000_000_000, 1_800_000_000_001].map((t) =>
      uuidV7(t, new Uint8Array(16).fill(0xff)),
    );
    expect([...ids].sort()).toEqual(ids);
  });

  it("keeps the random bits apart from the version and the variant", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => uuidV7(1_800_000_000_000)));
    expect(seen.size).toBe(2000);
    for (const id of seen) expect(id).toMatch(V7);
  });
});

describe("pooledRandomBytes", () => {
  it("hands out distinct slices, refilling the pool when it runs out", () => {
    const next = pooledRandomBytes(16);
    const drawn = Array.from({ length: 10_000 }, () => Buffer.from(next()).toString("hex"));
    expect(drawn.every((h) => h.length === 32)).toBe(true);
    expect(new Set(drawn).size).toBe(10_000);
  });
});
