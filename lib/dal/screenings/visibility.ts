import "server-only";
import type { beneficiaries, screenings } from "@/db/schema";
import type { SensitiveCategory } from "@/lib/domain/sensitive";
import { categoryAccess } from "../access/can-see-category";
import type { Actor, Tx } from "../context";

type BeneficiaryRow = typeof beneficiaries.$inferSelect;
type ScreeningRow = Pick<typeof screenings.$inferSelect, "sensitiveCategory" | "createdBy">;

/**
 * Whether the actor, already known to have the case in scope, may see a screening's answers and
 * outcome. Not sensitive: yes. Sensitive: the case owner, a supervisor of the case's office, the
 * person who recorded it (they asked the questions), or whoever holds the category — by grant or
 * by an unexpired break-glass opening of this case.
 */
export async function visibleCategories(
  tx: Tx,
  actor: Actor,
  beneficiary: BeneficiaryRow,
  rows: readonly ScreeningRow[],
  now: Date = new Date(),
): Promise<(row: ScreeningRow) => boolean> {
  const caseWide =
    beneficiary.ownerId === actor.id ||
    (actor.role === "supervisor" && actor.officeCode === beneficiary.officeCode);
  const needed = [
    ...new Set(rows.map((r) => r.sensitiveCategory).filter((c): c is SensitiveCategory => c !== null)),
  ];
  const access =
    caseWide || needed.length === 0 ? null : await categoryAccess(tx, actor, beneficiary.id, needed, now);
  return (row) =>
    row.sensitiveCategory === null ||
    caseWide ||
    row.createdBy === actor.id ||
    (access !== null && access[row.sensitiveCategory] !== "restricted");
}
