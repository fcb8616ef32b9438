import "server-only";
import { sql } from "drizzle-orm";
import { getDb, trackBackgroundWork } from "@/db/client";

/**
 * Links committed audit rows into the hash chain (migration 0027). recordAudit only appends a
 * pending row inside the use case's transaction; once that transaction has committed,
 * withTransaction asks for a link here. A run starts LINK_DELAY_MS after the first request and
 * links everything committed by then, so the commits of a busy moment share one linking
 * transaction (and its WAL flush) instead of paying one each. Within a process at most one link
 * runs at a time: a request that arrives while one runs makes it run once more, LINK_DELAY_MS
 * after it ends, so every commit is followed by a run whose snapshot includes it. Linkers of
 * several processes queue on the chain head in the database. A row whose run never came (the
 * process died in between) stays pending until the next run anywhere, and `npm run audit:verify`
 * links before it checks. Until linked, a row is protected like any other by the append-only
 * trigger.
 */

/** How long a pending row may wait for its link, gathering the commits that follow it. */
export const LINK_DELAY_MS = 100;

interface LinkState {
  /** A run is due; it will see every commit made before it starts. */
  scheduled: boolean;
  running: boolean;
  again: boolean;
}

const state = globalThis as unknown as {
  sanadAuditLink?: LinkState;
  sanadAuditWrites?: number;
};

/** Counts audit rows appended by this process, so a committing use case can tell it wrote some. */
export function markAudited(): void {
  state.sanadAuditWrites = (state.sanadAuditWrites ?? 0) + 1;
}

/** Audit rows appended so far; compare two readings (a savepoint's rows are counted too). */
export function auditWrites(): number {
  return state.sanadAuditWrites ?? 0;
}

async function linkUntilIdle(link: LinkState): Promise<void> {
  try {
    for (;;) {
      link.again = false;
      await getDb().execute(sql`select audit_chain_link_pending()`);
      if (!link.again) break;
      // Commits arrived during the run: gather those that follow too, as for the first run,
      // rather than linking a few rows per run back to back while requests keep coming.
      await new Promise((resolve) => setTimeout(resolve, LINK_DELAY_MS));
    }
  } catch (error) {
    // The rows stay pending and are linked by the next run; the use cases have already committed.
    console.error("audit chain linking failed:", error instanceof Error ? error.message : error);
  } finally {
    link.running = false;
  }
}

/**
 * Links pending audit rows in the background shortly: schedules a run, or queues one more after
 * the current one. closeDb waits for a scheduled run too.
 */
export function linkAuditChainSoon(): void {
  state.sanadAuditLink ??= { scheduled: false, running: false, again: false };
  const link = state.sanadAuditLink;
  if (link.scheduled) return;
  if (link.running) {
    link.again = true;
    return;
  }
  link.scheduled = true;
  trackBackgroundWork(
    new Promise<void>((resolve) => setTimeout(resolve, LINK_DELAY_MS)).then(() => {
      link.scheduled = false;
      link.running = true;
      return linkUntilIdle(link);
    }),
  );
}
