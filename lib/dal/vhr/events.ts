import "server-only";
import { vhrEvents } from "@/db/schema";
import type { VhrEvent, VhrStage } from "@/lib/domain/vhr/constants";
import type { Tx } from "../context";

/** One step of a return in its history: who, when, from which stage to which. No personal data. */
export async function appendVhrEvent(
  tx: Tx,
  e: {
    vhrCaseId: string;
    event: VhrEvent;
    from: VhrStage | null;
    to: VhrStage;
    actorId: string;
    movementId?: string;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(vhrEvents).values({
    vhrCaseId: e.vhrCaseId,
    event: e.event,
    fromStage: e.from,
    toStage: e.to,
    actorId: e.actorId,
    movementId: e.movementId ?? null,
    detail: e.detail ?? {},
  });
}
