"use server";

import { runAction } from "@/lib/auth/action";
import { acceptUndertaking } from "@/lib/dal/bid/accept-undertaking";
import { addToAgenda, inviteMembers, publishAgenda } from "@/lib/dal/bid/manage-agenda";
import { setPanelMember, updatePanelConfig } from "@/lib/dal/bid/panel-settings";
import { recordDecision } from "@/lib/dal/bid/record-decision";
import { recordEmergencyAction } from "@/lib/dal/bid/record-emergency-action";
import { recordInformed } from "@/lib/dal/bid/record-informed";
import { declareConflict, recordVote } from "@/lib/dal/bid/record-vote";
import { requestReview } from "@/lib/dal/bid/request-review";
import { requireBid } from "@/lib/dal/bid/require-bid";
import { resolveReview } from "@/lib/dal/bid/resolve-review";
import { reviewBia } from "@/lib/dal/bid/review-bia";
import { reviewBid } from "@/lib/dal/bid/review-bid";
import { saveBia } from "@/lib/dal/bid/save-bia";
import { saveBidReport } from "@/lib/dal/bid/save-bid-report";
import { scheduleSession } from "@/lib/dal/bid/schedule-session";
import type { ActionResult } from "@/lib/validation/common";

// Public endpoints: inputs are untrusted; every DAL use case parses them and checks the actor.
type In = Record<string, unknown>;
const submitting = (input: In) => ({ ...input, submit: input.intent === "submit" });

export async function saveBiaAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => saveBia(ctx, submitting(input) as never));
}
export async function reviewBiaAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => reviewBia(ctx, { ...input, decision: input.intent } as never));
}
export async function requireBidAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => requireBid(ctx, input as never));
}
export async function saveBidReportAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => saveBidReport(ctx, submitting(input) as never));
}
export async function reviewBidAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => reviewBid(ctx, { ...input, decision: input.intent } as never));
}
export async function recordInformedAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => recordInformed(ctx, input as never));
}
export async function requestReviewAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => requestReview(ctx, input as never));
}
export async function emergencyAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => recordEmergencyAction(ctx, input as never));
}
export async function scheduleSessionAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => scheduleSession(ctx, input as never));
}
export async function acceptUndertakingAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => acceptUndertaking(ctx, input as never));
}
export async function addToAgendaAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => addToAgenda(ctx, input as never));
}
export async function inviteMembersAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => inviteMembers(ctx, input as never));
}
export async function publishAgendaAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => publishAgenda(ctx, input as never));
}
export async function voteAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => recordVote(ctx, input as never));
}
export async function conflictAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => declareConflict(ctx, input as never));
}
export async function decisionAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => recordDecision(ctx, input as never));
}
export async function resolveReviewAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => resolveReview(ctx, { ...input, resolution: input.intent } as never));
}
export async function panelConfigAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => updatePanelConfig(ctx, input as never));
}
export async function panelMemberAction(input: In): Promise<ActionResult<unknown>> {
  return runAction((ctx) => setPanelMember(ctx, input as never));
}
