import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getBeneficiary } from "@/lib/dal/beneficiaries/get-beneficiary";
import { getReferenceData } from "@/lib/dal/reference/get-reference";
import type { UascStatus } from "@/lib/domain/beneficiary";
import { countryOptions } from "@/lib/reference/countries";
import { EditForm } from "./edit-form";

export default async function EditCasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const b = await orNotFound(getBeneficiary(ctx, id));
  if (!b.permissions.update) notFound();
  const t = await getTranslations("case");
  const reference = await getReferenceData(ctx);
  return (
    <>
      <h1>{t("editTitle", { caseNumber: b.caseNumber })}</h1>
      <EditForm
        detentionRestricted={b.detentionRestricted}
        reference={{
          mantikas: reference.mantikas,
          baladiyas: reference.baladiyas,
          countries: countryOptions(await getLocale()),
        }}
        defaults={{
          id: b.id,
          version: b.version,
          biodata: {
            familyName: b.familyName,
            givenNames: b.givenNames,
            nameAr: b.nameAr ?? "",
            sex: b.sex,
            dobMode: b.dobEstimated ? "estimated" : "exact",
            dateOfBirth: b.dobEstimated ? "" : b.dateOfBirth,
            estimatedAge: b.dobEstimated ? b.age : "",
            nationality: b.nationality,
            populationType: b.populationType,
            languages: b.languages as never,
            phone: b.phone ?? "",
            baladiyaPcode: b.baladiyaPcode,
            // Restricted detention details are not sent back; the DAL keeps the stored ones.
            detained: b.detentionRestricted ? false : b.detained,
            detentionCentre: b.detentionCentre ?? "",
            detainedSince: b.detainedSince ?? "",
            uascStatus: (b.uascStatus ?? "") as UascStatus | "",
            vulnerabilities: b.vulnerabilities as never,
          },
        }}
      />
    </>
  );
}
