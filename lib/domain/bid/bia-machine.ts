import type { BiaStatus } from "./constants";

/**
 * Who acts on a BIA: the case's caseworker drafts (a supervisor may draft on a case they own), a
 * supervisor reviews, and never their own draft.
 */
export interface BiaActor {
  role: "caseworker" | "supervisor";
  isAuthor: boolean;
}

export type BiaEvent =
  | { type: "save" }
  | { type: "submit"; complete: boolean }
  | { type: "approve" }
  | { type: "return"; reason: string };

export type Refusal = { ok: false; error: "state" | "role" | "guard"; guard?: string };
export type Transition<S> = { ok: true; status: S } | Refusal;

const refuse = (error: Refusal["error"], guard?: string): Refusal =>
  guard ? { ok: false, error, guard } : { ok: false, error };

export const MIN_RETURN_REASON = 10;

/** draft → submitted → approved | returned; a returned BIA is edited (draft) and submitted again. */
export function nextBiaStatus(
  current: BiaStatus | null,
  event: BiaEvent,
  actor: BiaActor,
): Transition<BiaStatus> {
  switch (event.type) {
    case "save":
      if (current !== null && current !== "draft" && current !== "returned") return refuse("state");
      if (current !== null && !actor.isAuthor) return refuse("role");
      return { ok: true, status: "draft" };
    case "submit":
      if (current !== "draft" && current !== "returned") return refuse("state");
      if (!actor.isAuthor) return refuse("role");
      if (!event.complete) return refuse("guard", "incomplete");
      return { ok: true, status: "submitted" };
    case "approve":
    case "return":
      if (current !== "submitted") return refuse("state");
      if (actor.role !== "supervisor") return refuse("role");
      if (actor.isAuthor) return refuse("guard", "ownWork");
      if (event.type === "return" && event.reason.trim().length < MIN_RETURN_REASON)
        return refuse("guard", "reason");
      return { ok: true, status: event.type === "approve" ? "approved" : "returned" };
  }
}

export const BIA_FIELDS = [
  "situation",
  "careArrangement",
  "tracingStatus",
  "childViews",
  "howHeard",
  "risks",
  "immediateNeeds",
] as const;
export type BiaField = (typeof BIA_FIELDS)[number];

/** The BIA fields still empty; a BIA is submitted only with all of them. */
export function missingBiaFields(bia: Record<BiaField, string>): BiaField[] {
  return BIA_FIELDS.filter((f) => bia[f].trim().length === 0);
}
