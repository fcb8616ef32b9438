"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { FormAlert, type FormMessage, failureMessage } from "@/components/returns/form-alert";
import { MAX_FTT_WINDOW_HOURS } from "@/lib/domain/vhr/constants";
import type { VhrSettingsInput } from "@/lib/validation/vhr";
import { updateVhrSettingsAction } from "../../returns/actions";

const vhrSettingsResolver = lazyZodResolver(() =>
  import("@/lib/validation/vhr").then((m) => m.vhrSettingsSchema),
);

export function VhrSettingsForm({ version, hours }: { version: number; hours: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessage | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<VhrSettingsInput>({
    resolver: vhrSettingsResolver,
    defaultValues: { fitToTravelWindowHours: hours, version },
  });
  useEffect(() => setValue("version", version), [version, setValue]);
  const submit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await updateVhrSettingsAction(values);
    if (result.ok) {
      setValue("version", result.data.version);
      setMessage({ kind: "ok", text: t("returns.admin.saved") });
      router.refresh();
      return;
    }
    setMessage(failureMessage(t, result, setError, ["fitToTravelWindowHours"]));
  });
  return (
    <form method="post" onSubmit={submit} noValidate>
      <FormAlert message={message} onReload={() => setMessage(null)} />
      <div className="field">
        <label htmlFor="fitToTravelWindowHours">{t("returns.admin.windowLabel")}</label>
        <input
          id="fitToTravelWindowHours"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_FTT_WINDOW_HOURS}
          step={1}
          style={{ maxInlineSize: "8rem" }}
          {...register("fitToTravelWindowHours", { valueAsNumber: true })}
          aria-invalid={Boolean(errors.fitToTravelWindowHours) || undefined}
          aria-describedby="fitToTravelWindowHours-hint fitToTravelWindowHours-error"
        />
        <p className="hint" id="fitToTravelWindowHours-hint">
          {t("returns.admin.windowHint", { max: MAX_FTT_WINDOW_HOURS })}
        </p>
        <FieldErrorText id="fitToTravelWindowHours-error" error={errors.fitToTravelWindowHours} />
      </div>
      <button type="submit" disabled={isSubmitting}>
        {t("returns.admin.save")}
      </button>
    </form>
  );
}
