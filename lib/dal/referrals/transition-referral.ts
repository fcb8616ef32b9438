import "server-only";
import { can } from "@/lib/authz";
import { effectiveState } from "@/lib/domain/referrals/catalogue";
import { SYSTEM_ACTOR } from "@/lib/domain/referrals/state-machine";
import { transitionReferralSchema } from "@/lib/validation/referral";
import { type DalContext, withTransaction } from "../context";
import { conflict, forbidden, notFound } from "../errors";
import { parseInput } from "../parse";
import { loadReferralAccess } from "./access";
import { applyTransition } from "./apply-transition";
import { passConsentGate } from "./consent-gate";

/**
 * Every action a person takes on an existing referral: submit, approve (which sends at once),
 * return, send, accept, decline, complete, not complete, withdraw, close. Who may do what is the
 * state machine's decision on facts loaded here; the form's version guards against acting on a
 * referral someone else changed meanwhile.
 */
export async function transitionReferral(
  ctx: DalContext,
  input: unknown,
  now: Date = new Date(),
): Promise<{ state: string; version: number }> {
  // Any referral action; the state machine below decides on the relationship to this referral.
  if (
    !(["referral.create", "referral.approve", "referral.respond"] as const).some((a) =>
      can(ctx.actor.role, a),
    )
  )
    throw forbidden();
  const v = parseInput(transitionReferralSchema, input);
  return withTransaction(ctx, async (tx) => {
    const access = await loadReferralAccess(tx, ctx.actor, v.id);
    if (!access) throw notFound();
    let referral = access.referral;
    if (referral.version !== v.version) throw conflict();
    if (effectiveState(referral, now) !== referral.state) {
      // Its deadline passed unnoticed: store the expiry first, then judge the request on "expired".
      referral = await applyTransition(tx, {
        referral,
        event: "expire",
        actor: SYSTEM_ACTOR,
        ctx: null,
        now,
        version: referral.version,
      });
    }
    if (v.event === "submit") {
      await passConsentGate(tx, ctx, referral, access.actor, v.consentOverrideReason, now);
    }
    let next = await applyTransition(tx, {
      referral,
      event: v.event,
      actor: access.actor,
      ctx,
      note: v.note ?? null,
      now,
      version: referral.version,
    });
    if (v.event === "approve") {
      // Approval is the decision to send: the referral reaches the receiver at once.
      next = await applyTransition(tx, {
        referral: next,
        event: "send",
        actor: access.actor,
        ctx,
        now,
        version: next.version,
      });
    }
    return { state: next.state, version: next.version };
  });
}
