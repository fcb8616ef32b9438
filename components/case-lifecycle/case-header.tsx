import { type CaseTabKey, CaseTabs } from "@/components/case-tabs";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getCaseHeading } from "@/lib/dal/case-lifecycle/get-case-heading";

/** The title and section tabs above a case's plan, notes and closure sections. */
export async function CaseHeader({ id, active }: { id: string; active: CaseTabKey }) {
  const ctx = await requireContext();
  const c = await orNotFound(getCaseHeading(ctx, id));
  return (
    <>
      <div className="toolbar">
        <h1>
          <span dir="ltr">{c.caseNumber}</span> · {c.familyName}, {c.givenNames}
        </h1>
      </div>
      <CaseTabs id={id} active={active} />
    </>
  );
}
