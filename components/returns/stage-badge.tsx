import { getTranslations } from "next-intl/server";
import type { VhrStage } from "@/lib/domain/vhr/constants";

/** Reuses the app's badge colours: red for a withdrawn return, green once the person arrived. */
const TONE: Partial<Record<VhrStage, string>> = {
  withdrawn: "overdue",
  arrived: "status-closed",
  handed_off: "status-closed",
};

export async function StageBadge({ stage }: { stage: VhrStage }) {
  const t = await getTranslations("vhr");
  const tone = TONE[stage];
  return (
    <span className={tone ? `badge ${tone}` : "badge"} data-testid="vhr-stage" data-stage={stage}>
      {t(`stages.${stage}`)}
    </span>
  );
}
