import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, postgresTarget } from "@/db/client";
import { users } from "@/db/schema";
import { makeUser } from "../support/factories";

type Prepared = { statement: string };

/** The statements prepared on the connection that runs this transaction. */
function preparedOnConnection(tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0]) {
  return tx.execute<Prepared>(sql`select statement from pg_prepared_statements`);
}

describe("the application's database client", () => {
  it("prepares a parameterised query once per connection, and plans each execution with its values", async () => {
    const ctx = await makeUser("caseworker");
    await getDb().transaction(async (tx) => {
      await tx.select({ id: users.id }).from(users).where(eq(users.email, ctx.actor.email));
      const [mode] = await tx.execute<{ plan_cache_mode: string }>(sql`show plan_cache_mode`);
      expect(mode?.plan_cache_mode).toBe("force_custom_plan");
      const prepared = [...(await preparedOnConnection(tx))].map((r) => r.statement);
      expect(prepared.some((s) => s.includes('from "users" where "users"."email" = $1'))).toBe(true);
    });
  });

  it("sends a statement of more than 1,000 parameters unprepared", async () => {
    const ids = Array.from(
      { length: 1_200 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    await getDb().transaction(async (tx) => {
      const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, ids));
      expect(found).toEqual([]);
      const prepared = [...(await preparedOnConnection(tx))].map((r) => r.statement);
      expect(prepared.some((s) => s.includes('"users"."id" in ($1, $2'))).toBe(false);
    });
  });

  it("reaches a server's Unix socket named as libpq names it, and TCP otherwise", () => {
    expect(postgresTarget("postgres://app@localhost:5433/sanad?host=/var/run/postgresql")).toEqual({
      url: "postgres://app@localhost:5433/sanad",
      path: "/var/run/postgresql/.s.PGSQL.5433",
    });
    expect(postgresTarget("postgres://app@localhost/sanad?host=/tmp&sslmode=disable")).toEqual({
      url: "postgres://app@localhost/sanad?sslmode=disable",
      path: "/tmp/.s.PGSQL.5432",
    });
    expect(postgresTarget("postgres://app@db.internal:5432/sanad")).toEqual({
      url: "postgres://app@db.internal:5432/sanad",
    });
  });
});
