"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createMovementAction } from "@/app/(app)/movements/actions";
import { failureText } from "@/components/case-lifecycle/failure";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { DEPARTURE_AIRPORTS, MOVEMENT_KINDS } from "@/lib/domain/vhr/constants";
import type { CreateMovementInput } from "@/lib/validation/vhr";

const createMovementResolver = lazyZodResolver(() =>
  import("@/lib/validation/vhr").then((m) => m.createMovementSchema),
);

export function MovementForm({
  countries,
  defaultDate,
}: {
  countries: Array<{ code: string; name: string }>;
  defaultDate: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<CreateMovementInput>({
    resolver: createMovementResolver,
    defaultValues: {
      kind: "charter",
      departureDate: defaultDate,
      departureTime: "08:00",
      departureAirport: "MJI",
      destinationCountry: "",
      destinationAirport: "",
      capacity: 150,
      medicalEscorts: 1,
      operationalEscorts: 2,
    },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await createMovementAction(values);
    if (result.ok) return router.push(`/movements/${result.data.id}`);
    applyFieldErrors(result, setError);
    if (!result.fieldErrors || result.fieldErrors._form) setFormError(failureText(t, result));
  });
  const e = formState.errors;
  return (
    <form method="post" onSubmit={submit} noValidate className="card">
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="mv-kind">{t("movements.fields.kind")}</label>
        <select id="mv-kind" {...register("kind")}>
          {MOVEMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`vhr.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="mv-date">{t("movements.fields.departureDate")}</label>
        <input id="mv-date" type="date" {...register("departureDate")} aria-describedby="mv-date-error" />
        <FieldErrorText id="mv-date-error" error={e.departureDate} />
      </div>
      <div className="field">
        <label htmlFor="mv-time">{t("movements.fields.departureTime")}</label>
        <input id="mv-time" type="time" {...register("departureTime")} aria-describedby="mv-time-error" />
        <p className="muted">{t("movements.fields.missionTime")}</p>
        <FieldErrorText id="mv-time-error" error={e.departureTime} />
      </div>
      <div className="field">
        <label htmlFor="mv-airport">{t("movements.fields.departureAirport")}</label>
        <select id="mv-airport" {...register("departureAirport")}>
          {DEPARTURE_AIRPORTS.map((a) => (
            <option key={a} value={a}>
              {t(`vhr.airports.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="mv-country">{t("movements.fields.destinationCountry")}</label>
        <select id="mv-country" {...register("destinationCountry")} aria-describedby="mv-country-error">
          <option value="">{t("movements.fields.choose")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldErrorText id="mv-country-error" error={e.destinationCountry} />
      </div>
      <div className="field">
        <label htmlFor="mv-dest">{t("movements.fields.destinationAirport")}</label>
        <input id="mv-dest" {...register("destinationAirport")} aria-describedby="mv-dest-error" />
        <FieldErrorText id="mv-dest-error" error={e.destinationAirport} />
      </div>
      <div className="field">
        <label htmlFor="mv-capacity">{t("movements.fields.capacity")}</label>
        <input
          id="mv-capacity"
          type="number"
          min={1}
          max={500}
          {...register("capacity", { valueAsNumber: true })}
          aria-describedby="mv-capacity-error"
        />
        <FieldErrorText id="mv-capacity-error" error={e.capacity} />
      </div>
      <div className="field">
        <label htmlFor="mv-medical">{t("movements.fields.medicalEscorts")}</label>
        <input
          id="mv-medical"
          type="number"
          min={0}
          {...register("medicalEscorts", { valueAsNumber: true })}
          aria-describedby="mv-medical-error"
        />
        <FieldErrorText id="mv-medical-error" error={e.medicalEscorts} />
      </div>
      <div className="field">
        <label htmlFor="mv-operational">{t("movements.fields.operationalEscorts")}</label>
        <input
          id="mv-operational"
          type="number"
          min={0}
          {...register("operationalEscorts", { valueAsNumber: true })}
          aria-describedby="mv-operational-error"
        />
        <FieldErrorText id="mv-operational-error" error={e.operationalEscorts} />
      </div>
      <button type="submit" disabled={formState.isSubmitting}>
        {t("movements.new.submit")}
      </button>
    </form>
  );
}
