import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, beneficiaries, users } from "@/db/schema";
import type { Queryable } from "@/lib/dal/context";
import { placeholderRow, reusable } from "@/lib/dal/prepared";
import { makeUser } from "../support/factories";

function userNamed(q: Queryable) {
  return q
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, sql.placeholder("email")));
}

describe("queries built once", () => {
  it("builds a pool's query once and runs it with each call's values", async () => {
    const a = await makeUser("caseworker");
    const b = await makeUser("supervisor");
    let builds = 0;
    const build = (q: Queryable) => {
      builds++;
      return userNamed(q);
    };
    const name = `test_user_named_${Date.now()}`;
    const first = await reusable(getDb(), name, build).execute({ email: a.actor.email });
    const second = await reusable(getDb(), name, build).execute({ email: b.actor.email });
    expect(first.map((r) => r.id)).toEqual([a.actor.id]);
    expect(second.map((r) => r.id)).toEqual([b.actor.id]);
    expect(builds).toBe(1);
  });

  it("runs in the caller's transaction, where it sees what the transaction wrote", async () => {
    const a = await makeUser("caseworker");
    const name = `test_in_transaction_${Date.now()}`;
    // Kept for the pool first: a transaction must not be handed the pool's query, which would
    // read on another connection and not see the transaction's uncommitted write.
    await reusable(getDb(), name, userNamed).execute({ email: a.actor.email });
    const inside = await getDb().transaction(async (tx) => {
      await tx.update(users).set({ name: "Renamed in transaction" }).where(eq(users.id, a.actor.id));
      return reusable(tx, name, userNamed).execute({ email: a.actor.email });
    });
    expect(inside[0]?.name).toBe("Renamed in transaction");
  });

  it("refuses a kept query values named otherwise than at its first run", async () => {
    const a = await makeUser("caseworker");
    const name = `test_names_${Date.now()}`;
    await reusable(getDb(), name, userNamed).execute({ email: a.actor.email });
    // drizzle would ignore the extra value: a column set at one call only would not be written.
    expect(() => reusable(getDb(), name, userNamed).execute({ email: a.actor.email, name: "x" })).toThrow(
      /values named otherwise/,
    );
  });

  it("names each value's placeholder, encodes it for its column and keeps a null as null", () => {
    const person = placeholderRow(beneficiaries, "p_", {
      familyName: "Amal",
      languages: ["ar", "fr"],
      duplicateCandidates: null,
    });
    expect(person.values).toEqual({
      p_familyName: "Amal",
      p_languages: '{"ar","fr"}',
      p_duplicateCandidates: null,
    });
    expect(Object.keys(person.columns())).toEqual(["familyName", "languages", "duplicateCandidates"]);
    expect(placeholderRow(auditEvents, "a_", { detail: { matches: 2 } }).values).toEqual({
      a_detail: '{"matches":2}',
    });
    expect(() => placeholderRow(users, "u_", { nickname: "x" })).toThrow(/no column nickname/);
    // Left out, a column takes its default; a placeholder would write null instead.
    expect(() => placeholderRow(users, "u_", { name: undefined })).toThrow(/users.name has no value/);
  });
});
