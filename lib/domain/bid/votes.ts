import { type Agency, OUTCOME_OF, type Outcome, type Position } from "./constants";

export interface PanelVoter {
  userId: string;
  agency: Agency;
  isChair: boolean;
  conflictDeclared: boolean;
}

/**
 * Who may not vote on a case: its report's author and its owner (they present, they do not
 * judge), and anyone who declared a conflict of interest.
 */
export function voteExclusion(
  voter: Pick<PanelVoter, "userId" | "conflictDeclared">,
  bid: { authorId: string | null; ownerId: string },
): "author" | "owner" | "conflict" | null {
  if (bid.authorId !== null && voter.userId === bid.authorId) return "author";
  if (voter.userId === bid.ownerId) return "owner";
  if (voter.conflictDeclared) return "conflict";
  return null;
}

export interface QuorumRule {
  quorum: number;
  requiredAgencies: readonly Agency[];
}

export interface QuorumResult {
  met: boolean;
  present: number;
  chairPresent: boolean;
  missingAgencies: Agency[];
}

/** Quorum counts the voting members present (those who recorded a position), the chair among them. */
export function quorumOf(
  voters: readonly Pick<PanelVoter, "agency" | "isChair">[],
  rule: QuorumRule,
): QuorumResult {
  const chairPresent = voters.some((v) => v.isChair);
  const agencies = new Set(voters.map((v) => v.agency));
  const missingAgencies = rule.requiredAgencies.filter((a) => !agencies.has(a));
  return {
    met: chairPresent && voters.length >= rule.quorum && missingAgencies.length === 0,
    present: voters.length,
    chairPresent,
    missingAgencies,
  };
}

export interface Tally {
  consensus: boolean;
  /** The outcome more than half of the positions support, or null (a tie or a split). */
  majority: Outcome | null;
  counts: Record<Outcome, number>;
}

export function tally(positions: readonly Position[]): Tally {
  const counts: Record<Outcome, number> = {
    approved: 0,
    approved_with_conditions: 0,
    deferred: 0,
    not_approved: 0,
  };
  for (const p of positions) counts[OUTCOME_OF[p]] += 1;
  const entries = Object.entries(counts) as Array<[Outcome, number]>;
  const top = entries.find(([, n]) => n * 2 > positions.length);
  return {
    consensus: positions.length > 0 && entries.some(([, n]) => n === positions.length),
    majority: top ? top[0] : null,
    counts,
  };
}

/** A member dissents when their position is not the decision's. */
export function isDissent(position: Position, decided: Outcome): boolean {
  return OUTCOME_OF[position] !== decided;
}
