import "server-only";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";
import { caseInScope } from "./case-access";

/** The name and number above a case section; recorded like any read of a case. */
export async function getCaseHeading(
  ctx: DalContext,
  id: string,
): Promise<{ caseNumber: string; familyName: string; givenNames: string }> {
  const scope = authorize(ctx.actor, "beneficiary.read");
  return withTransaction(ctx, async (tx) => {
    const row = await caseInScope(tx, ctx, scope, id);
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "beneficiary",
      entityId: row.id,
      detail: { fields: ["caseNumber", "familyName", "givenNames"] },
    });
    return { caseNumber: row.caseNumber, familyName: row.familyName, givenNames: row.givenNames };
  });
}
