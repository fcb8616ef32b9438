import "server-only";
import { asc } from "drizzle-orm";
import { baladiyas, mantikas, offices, regions } from "@/db/schema";
import { authorize } from "../authorize";
import { type DalContext, withTransaction } from "../context";

export interface ReferenceData {
  regions: Array<{ pcode: string; nameEn: string; nameAr: string | null }>;
  mantikas: Array<{ pcode: string; regionPcode: string; nameEn: string; nameAr: string | null }>;
  baladiyas: Array<{ pcode: string; mantikaPcode: string; nameEn: string; nameAr: string | null }>;
  offices: Array<{ code: string; nameEn: string; nameAr: string }>;
}

export async function getReferenceData(ctx: DalContext): Promise<ReferenceData> {
  authorize(ctx.actor, "reference.read");
  return withTransaction(ctx, async (tx) => ({
    regions: await tx.select().from(regions).orderBy(asc(regions.pcode)),
    mantikas: await tx.select().from(mantikas).orderBy(asc(mantikas.pcode)),
    baladiyas: await tx
      .select({
        pcode: baladiyas.pcode,
        mantikaPcode: baladiyas.mantikaPcode,
        nameEn: baladiyas.nameEn,
        nameAr: baladiyas.nameAr,
      })
      .from(baladiyas)
      .orderBy(asc(baladiyas.pcode)),
    offices: await tx
      .select({ code: offices.code, nameEn: offices.nameEn, nameAr: offices.nameAr })
      .from(offices)
      .orderBy(asc(offices.code)),
  }));
}
