import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { countries, movements } from "@/db/schema";
import { missionInstant } from "@/lib/domain/vhr/constants";
import { type CreateMovementInput, createMovementSchema } from "@/lib/validation/vhr";
import { recordAudit } from "../audit/record-audit";
import { type DalContext, withTransaction } from "../context";
import { invalid } from "../errors";
import { parseInput } from "../parse";
import { requireVhrUnit } from "./access";

/** A reference the unit can read out on the phone: date, route and a short random suffix. */
function referenceFor(date: string, airport: string, country: string): string {
  const suffix = randomBytes(2).toString("hex").toUpperCase();
  return `VHR-${date.slice(2).replaceAll("-", "")}-${airport}-${country}-${suffix}`;
}

export async function createMovement(
  ctx: DalContext,
  input: CreateMovementInput,
  now: Date = new Date(),
): Promise<{ id: string; reference: string }> {
  const data = parseInput(createMovementSchema, input);
  return withTransaction(ctx, async (tx) => {
    await requireVhrUnit(tx, ctx.actor, "movement.manage");
    const departsAt = missionInstant(data.departureDate, data.departureTime);
    if (departsAt.getTime() <= now.getTime())
      throw invalid({ departureTime: ["vhr.validation.departureInPast"] });
    const [country] = await tx
      .select({ code: countries.code })
      .from(countries)
      .where(eq(countries.code, data.destinationCountry));
    if (!country) throw invalid({ destinationCountry: ["required"] });
    const reference = referenceFor(data.departureDate, data.departureAirport, data.destinationCountry);
    const [row] = await tx
      .insert(movements)
      .values({
        reference,
        kind: data.kind,
        departsAt,
        departureDate: data.departureDate,
        departureAirport: data.departureAirport,
        destinationCountry: data.destinationCountry,
        destinationAirport: data.destinationAirport,
        capacity: data.capacity,
        medicalEscorts: data.medicalEscorts,
        operationalEscorts: data.operationalEscorts,
        officeCode: ctx.actor.officeCode,
        createdBy: ctx.actor.id,
      })
      .returning({ id: movements.id, reference: movements.reference });
    if (!row) throw new Error("movement insert returned nothing");
    await recordAudit(tx, ctx, {
      action: "create",
      entity: "movement",
      entityId: row.id,
      detail: {
        reference,
        kind: data.kind,
        capacity: data.capacity,
        destinationCountry: data.destinationCountry,
      },
    });
    return row;
  });
}
