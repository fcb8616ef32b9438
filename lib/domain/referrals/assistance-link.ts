import { ACTIONS, type Action, can } from "../../authz/matrix";
import type { Role } from "../../authz/roles";

/** The matrix action that records assistance; the assistance feature owns it. */
export const RECORD_ASSISTANCE_ACTION = "assistance.record";

/**
 * The link from a completed referral to recording the assistance it led to, for roles that may
 * record assistance — decided by the matrix, so it appears once the assistance feature grants it.
 */
export function assistanceLinkFor(
  role: Role,
  beneficiaryId: string,
  referralId: string,
  service: string,
): string | null {
  if (!(ACTIONS as readonly string[]).includes(RECORD_ASSISTANCE_ACTION)) return null;
  if (!can(role, RECORD_ASSISTANCE_ACTION as Action)) return null;
  const query = new URLSearchParams({ referral: referralId, service });
  return `/cases/${beneficiaryId}/assistance/new?${query.toString()}`;
}
