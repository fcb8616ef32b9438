import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDatabase } from "./client";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/** How many migrations the database has recorded; 0 for a new one. */
async function appliedMigrations(sql: ReturnType<typeof createDatabase>["sql"]): Promise<number> {
  const [table] = await sql<{ exists: boolean }[]>`
    select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
  if (!table?.exists) return 0;
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
  return row?.n ?? 0;
}

/**
 * Applies the pending migrations. When a database with data gets new ones, it is then vacuumed
 * and analysed: a migration that rewrites a table (adding a stored generated column does) leaves
 * it without a visibility map, and until autovacuum happens by (nothing prompts it) the
 * index-only scans of the duplicate check and the name searches read every row from the heap.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const { db, sql } = createDatabase(url, { max: 1 });
  try {
    const before = await appliedMigrations(sql);
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    if (before > 0 && (await appliedMigrations(sql)) > before) await sql.unsafe("vacuum (analyze)");
  } finally {
    await sql.end({ timeout: 5 });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set");
    process.exit(1);
  }
  migrateDatabase(url).then(
    () => {
      console.info("migrations applied");
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
