import "server-only";
import { type Database, getDb } from "@/db/client";
import type { Role } from "@/lib/authz";
import type { ReferralService } from "@/lib/domain/referrals/catalogue";
import type { SensitiveCategory } from "@/lib/domain/sensitive";
import { auditWrites, linkAuditChainSoon } from "./audit/link-chain";
import { withoutPersonalData } from "./errors";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** What a use case queries through: its transaction, or the pool for a one-statement write. */
export type Queryable = Pick<Tx, "select" | "insert" | "update" | "delete" | "execute" | "$with" | "with">;

/** The signed-in user as the DAL sees them: loaded from the database, never from the token alone. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  officeCode: string;
  mustChangePassword: boolean;
  /** The role requires TOTP and the user has not enabled it: they must enrol before anything else. */
  mustEnrolTotp: boolean;
  /** Sensitive categories granted to this user (lib/domain/sensitive.ts). */
  categories: SensitiveCategory[];
  /** For focal points: the services whose work they handle (navigation only; use cases re-check). */
  services: ReferralService[];
}

export interface DalContext {
  actor: Actor;
  /** Reused when a use case runs inside another's transaction. */
  tx?: Tx;
  ip?: string | null;
}

/**
 * One transaction per use case; nested calls join the outer one. Once a transaction that wrote
 * audit rows has committed, their linking into the hash chain is started (lib/dal/audit/link-chain.ts).
 */
export async function withTransaction<T>(ctx: { tx?: Tx }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx.tx);
  // Another use case's row counted meanwhile only brings its link forward; runs coalesce.
  const before = auditWrites();
  let result: T;
  try {
    result = await getDb().transaction(fn);
  } catch (error) {
    throw withoutPersonalData(error);
  }
  if (auditWrites() !== before) linkAuditChainSoon();
  return result;
}

/**
 * For a use case whose reads take no locks and whose writes are one statement (data-modifying
 * CTEs are atomic: all their rows or none). Outside another use case's transaction it runs on
 * the pool without `begin` and `commit`, each a round trip to the database and a wake-up of both
 * processes. Under read committed a transaction would give its reads no more than that: each
 * statement sees what was committed when it started, and a plain select locks nothing. Audit
 * rows the statement appended are linked as after a transaction.
 */
export async function withOneStatement<T>(ctx: { tx?: Tx }, fn: (db: Queryable) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx.tx);
  const before = auditWrites();
  try {
    return await fn(getDb());
  } catch (error) {
    throw withoutPersonalData(error);
  } finally {
    // Also after a failure: a statement that committed before it must not leave its row unlinked.
    if (auditWrites() !== before) linkAuditChainSoon();
  }
}
