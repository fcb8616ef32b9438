import { fileURLToPath } from "node:url";
import argon2 from "argon2";
import { count, eq, inArray } from "drizzle-orm";
import { todayIso } from "../../lib/domain/age";
import { createDatabase, type Database } from "../client";
import { baladiyas, beneficiaries, consents, mantikas, users } from "../schema";
import { seedAssistance } from "./assistance";
import { seedPanel } from "./panel";
import { seedReference } from "./reference";
import { seedReferralCatalogue } from "./referrals";
import { consentFor, generatePeople, mulberry32 } from "./synthetic";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from "./users";

export const DEFAULT_BENEFICIARIES = 2000;
const BATCH = 1000;

/** Which office serves a mantika: the five in Libya by nearest, Tunis serves none directly. */
const MANTIKA_OFFICE: Record<string, string> = { LY0214: "MRA", LY0215: "ZWA" };
const REGION_OFFICE: Record<string, string> = { LY01: "BEN", LY02: "TIP", LY03: "SEB" };

async function officeBaladiyas(db: Database) {
  const rows = await db
    .select({ pcode: baladiyas.pcode, mantika: baladiyas.mantikaPcode, region: mantikas.regionPcode })
    .from(baladiyas)
    .innerJoin(mantikas, eq(mantikas.pcode, baladiyas.mantikaPcode));
  return rows.map((r) => ({
    pcode: r.pcode,
    officeCode: MANTIKA_OFFICE[r.mantika] ?? REGION_OFFICE[r.region] ?? "TIP",
  }));
}

export async function seedBeneficiaries(
  db: Database,
  total: number,
  seed = Date.now() % 2 ** 31,
): Promise<number> {
  const staff = await db
    .select({ id: users.id, officeCode: users.officeCode })
    .from(users)
    .where(inArray(users.role, ["caseworker", "supervisor"]));
  const byOffice = new Map<string, string[]>();
  for (const s of staff) byOffice.set(s.officeCode, [...(byOffice.get(s.officeCode) ?? []), s.id]);
  const fallback = staff[0]?.id;
  if (!fallback) throw new Error("seed users first: no caseworker or supervisor to own cases");
  const rng = mulberry32(seed ^ 0x5a5a);
  const places = await officeBaladiyas(db);
  let inserted = 0;
  let batch: Array<typeof beneficiaries.$inferInsert> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = await db.insert(beneficiaries).values(batch).onConflictDoNothing().returning({
      id: beneficiaries.id,
      ownerId: beneficiaries.ownerId,
      createdAt: beneficiaries.createdAt,
    });
    const consentRows = rows.flatMap((r) =>
      consentFor(rng, r.id, r.ownerId, r.createdAt.toISOString().slice(0, 10)),
    );
    for (let i = 0; i < consentRows.length; i += BATCH * 2) {
      await db.insert(consents).values(consentRows.slice(i, i + BATCH * 2));
    }
    inserted += rows.length;
    batch = [];
  };
  for (const p of generatePeople({ count: total, seed, baladiyas: places, today: todayIso() })) {
    const owners = byOffice.get(p.officeCode) ?? [fallback];
    const ownerId = owners[Math.floor(rng() * owners.length)] as string;
    batch.push({ ...p, ownerId, createdBy: ownerId, updatedAt: p.createdAt });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return inserted;
}

export interface SeedOptions {
  beneficiaries?: number;
  /** Only seed beneficiaries when there are none yet (first start of the embedded database). */
  onlyIfEmpty?: boolean;
}

export async function seedDatabase(
  url: string,
  options: SeedOptions = {},
): Promise<{ beneficiaries: number }> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("Refusing to seed demo users and synthetic people with NODE_ENV=production.");
  }
  const { db, sql } = createDatabase(url, { max: 2 });
  try {
    await seedReference(db);
    const hash = await argon2.hash(DEMO_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    await seedDemoUsers(db, hash);
    await seedPanel(db);
    await seedReferralCatalogue(db);
    const [existing] = await db.select({ n: count() }).from(beneficiaries);
    const wanted = options.beneficiaries ?? (existing && existing.n > 0 ? 0 : DEFAULT_BENEFICIARIES);
    if (options.onlyIfEmpty && existing && existing.n > 0) return { beneficiaries: 0 };
    const added = wanted > 0 ? await seedBeneficiaries(db, wanted) : 0;
    await seedAssistance(db);
    return { beneficiaries: added };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.env.DATABASE_URL;
  const n = argValue("--beneficiaries");
  if (!url) {
    console.error("DATABASE_URL is not set (npm run dev starts an embedded database and seeds it itself).");
    process.exit(1);
  }
  if (n !== undefined && !/^\d+$/.test(n)) {
    console.error("--beneficiaries takes a whole number");
    process.exit(1);
  }
  const started = Date.now();
  seedDatabase(url, { beneficiaries: n === undefined ? undefined : Number(n) }).then(
    (r) => {
      console.info(
        `seeded: ${DEMO_USERS.length} demo users, ${r.beneficiaries} beneficiaries in ${((Date.now() - started) / 1000).toFixed(1)}s`,
      );
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
