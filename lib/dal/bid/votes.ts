import "server-only";
import { and, eq } from "drizzle-orm";
import { bidVotes, users } from "@/db/schema";
import type { Agency, BidOption, Position } from "@/lib/domain/bid/constants";
import type { Tx } from "../context";

export interface VoteDto {
  userId: string;
  name: string;
  agency: Agency;
  position: Position | null;
  option: BidOption | null;
  reasons: string | null;
  conflictDeclared: boolean;
  conflictReason: string | null;
  dissent: boolean | null;
}

export async function votesOn(tx: Tx, sessionId: string, bidId: string): Promise<VoteDto[]> {
  const rows = await tx
    .select({ vote: bidVotes, name: users.name })
    .from(bidVotes)
    .innerJoin(users, eq(users.id, bidVotes.userId))
    .where(and(eq(bidVotes.sessionId, sessionId), eq(bidVotes.bidId, bidId)))
    .orderBy(bidVotes.recordedAt);
  return rows.map(({ vote, name }) => ({
    userId: vote.userId,
    name,
    agency: vote.agency,
    position: vote.position,
    option: vote.option,
    reasons: vote.reasons,
    conflictDeclared: vote.conflictDeclared,
    conflictReason: vote.conflictReason,
    dissent: vote.dissent,
  }));
}
