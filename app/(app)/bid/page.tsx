import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { listBidQueue } from "@/lib/dal/bid/list-bid-queue";

export const metadata: Metadata = { robots: { index: false } };

/** The supervisor's Best Interests queue: BIAs to approve, BIDs in progress, ageing-out children first. */
export default async function BidQueuePage() {
  const ctx = await requireContext();
  const rows = await orNotFound(listBidQueue(ctx));
  const t = await getTranslations("bid");
  return (
    <>
      <h1>{t("queue.title")}</h1>
      {rows.length === 0 ? (
        <p className="muted">{t("queue.empty")}</p>
      ) : (
        <table data-testid="bid-queue">
          <thead>
            <tr>
              <th scope="col">{t("queue.case")}</th>
              <th scope="col">{t("queue.child")}</th>
              <th scope="col">{t("queue.step")}</th>
              <th scope="col">{t("queue.session")}</th>
              <th scope="col">{t("queue.flags")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}-${r.beneficiaryId}`}>
                <td dir="ltr">
                  <Link href={`/cases/${r.beneficiaryId}/bid`}>{r.caseNumber}</Link>
                </td>
                <td>{r.name}</td>
                <td>
                  {r.kind === "bia"
                    ? t(`biaStatus.${r.status as "submitted"}`)
                    : t(`status.${r.status as "required"}`)}
                </td>
                <td dir="ltr">{r.sessionDate ?? ""}</td>
                <td>{r.agesOut ? <span className="badge warn">{t("agesOutShort")}</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
