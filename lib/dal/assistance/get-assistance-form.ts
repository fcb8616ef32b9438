import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { assistanceRecords, donorProjects, users } from "@/db/schema";
import { todayIso } from "@/lib/domain/age";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../authorize";
import { findInScope } from "../beneficiaries/scope";
import { type DalContext, withTransaction } from "../context";
import { notFound } from "../errors";

export interface AssistanceFormData {
  beneficiaryId: string;
  caseNumber: string;
  baladiyaPcode: string;
  dateOfBirth: string;
  /** Whether the person is recorded as detained today: the default for a service recorded today. */
  detainedNow: boolean;
  detainedSince: string | null;
  actorId: string;
  providers: Array<{ id: string; name: string }>;
  donorProjects: Array<{ id: string; code: string; title: string; donor: string }>;
  /** When correcting: the record being corrected, to prefill the replacement. */
  original?: {
    id: string;
    assistanceType: string;
    serviceDate: string;
    baladiyaPcode: string;
    quantity: number;
    donorProjectId: string | null;
    providedBy: string;
    detainedAtService: boolean;
    voided: boolean;
  };
  today: string;
}

/** What the record and correction forms offer: staff of the actor's office, active donor projects. */
export async function getAssistanceForm(
  ctx: DalContext,
  beneficiaryId: string,
  options: { correcting?: string } = {},
): Promise<AssistanceFormData> {
  const scope = authorize(ctx.actor, options.correcting ? "assistance.correct" : "assistance.record");
  return withTransaction(ctx, async (tx) => {
    const b = await findInScope(tx, ctx.actor, scope, beneficiaryId);
    if (!b) throw notFound();
    let original: AssistanceFormData["original"];
    if (options.correcting) {
      if (!/^[0-9a-f-]{36}$/i.test(options.correcting)) throw notFound();
      const [r] = await tx
        .select()
        .from(assistanceRecords)
        .where(and(eq(assistanceRecords.id, options.correcting), eq(assistanceRecords.beneficiaryId, b.id)));
      if (!r) throw notFound();
      original = {
        id: r.id,
        assistanceType: r.assistanceType,
        serviceDate: r.serviceDate,
        baladiyaPcode: r.baladiyaPcode,
        quantity: r.quantity,
        donorProjectId: r.donorProjectId,
        providedBy: r.providedBy,
        detainedAtService: r.detainedAtService,
        voided: r.voidedAt !== null,
      };
    }
    const providers = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(
        and(
          eq(users.officeCode, ctx.actor.officeCode),
          eq(users.active, true),
          inArray(users.role, ["caseworker", "supervisor"]),
        ),
      )
      .orderBy(asc(users.name));
    const projects = await tx
      .select({
        id: donorProjects.id,
        code: donorProjects.code,
        title: donorProjects.title,
        donor: donorProjects.donor,
      })
      .from(donorProjects)
      .where(eq(donorProjects.active, true))
      .orderBy(asc(donorProjects.code));
    // The form shows the person's date of birth and detention: a read of personal data.
    await recordAudit(tx, ctx, {
      action: "read",
      entity: "beneficiary",
      entityId: b.id,
      detail: { view: "assistance_form", correcting: options.correcting ?? null },
    });
    return {
      beneficiaryId: b.id,
      caseNumber: b.caseNumber,
      baladiyaPcode: b.baladiyaPcode,
      dateOfBirth: b.dateOfBirth,
      detainedNow: b.detained,
      detainedSince: b.detainedSince,
      actorId: ctx.actor.id,
      providers,
      donorProjects: projects,
      original,
      today: todayIso(),
    };
  });
}
