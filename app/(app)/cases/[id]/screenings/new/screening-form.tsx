"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import { applyFieldErrors } from "@/components/forms/apply-result";
import { FieldErrorText } from "@/components/forms/field-error";
import { lazySchema } from "@/components/forms/lazy-resolver";
import { todayIso } from "@/lib/domain/age";
import { emptyRawAnswers, type RawAnswers, toAnswers } from "@/lib/domain/screenings/form-values";
import { isVisible } from "@/lib/domain/screenings/items";
import type { Definition, InstrumentId, Item } from "@/lib/domain/screenings/types";
import { recordScreeningAction } from "../actions";

interface FormValues {
  screenedOn: string;
  answers: RawAnswers;
}

/** What the form renders of an instrument version: plain data the page passes down. */
export type ScreeningFormDefinition = Pick<Definition, "sections" | "messages">;

/**
 * The version's schema, with the definitions and zod, arrives with a dynamic import: the items
 * render without it, and validation waits for it.
 */
function schemaOf(instrument: InstrumentId, version: number) {
  return lazySchema(() =>
    import("@/lib/domain/screenings").then((m) => {
      const definition = m.getDefinition(instrument, version);
      if (!definition) throw new Error(`Unknown screening ${instrument} v${version}`);
      return definition.schema;
    }),
  );
}

/** Renders one instrument version from its definition; the same schema validates here and on the server. */
export function ScreeningForm({
  beneficiaryId,
  instrument,
  version,
  definition,
}: {
  beneficiaryId: string;
  instrument: InstrumentId;
  version: number;
  definition: ScreeningFormDefinition;
}) {
  const t = useTranslations();
  const router = useRouter();
  const schema = useMemo(() => schemaOf(instrument, version), [instrument, version]);
  const [formError, setFormError] = useState<string | null>(null);

  const resolver = useMemo<Resolver<FormValues>>(
    () => async (values) => {
      const errors: FieldErrors<FormValues> = {};
      const answerErrors: Record<string, { type: string; message: string }> = {};
      if (!values.screenedOn) errors.screenedOn = { type: "required", message: "required" };
      const parsed = (await schema()).safeParse(toAnswers(definition, values.answers));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const key = issue.path.map(String).join(".");
          if (key && !answerErrors[key]) answerErrors[key] = { type: "validation", message: issue.message };
        }
      }
      if (Object.keys(answerErrors).length)
        errors.answers = answerErrors as FieldErrors<FormValues>["answers"];
      return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
    },
    [definition, schema],
  );

  const { register, handleSubmit, watch, setError, formState } = useForm<FormValues>({
    resolver,
    defaultValues: { screenedOn: todayIso(), answers: emptyRawAnswers(definition) },
  });
  const current = toAnswers(definition, watch("answers"));

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await recordScreeningAction({
      beneficiaryId,
      instrument,
      version,
      screenedOn: values.screenedOn,
      answers: toAnswers(definition, values.answers),
    });
    if (result.ok) {
      router.push(`/cases/${beneficiaryId}/screenings/${result.data.id}?saved=1`);
      return;
    }
    const code = applyFieldErrors(result, setError);
    setFormError(code.includes(".") ? code : `errors.${code}`);
  });

  const labelOf = (item: Item) =>
    t(`screenings.items.${definition.messages}.${item.key}` as "screenings.title");
  const optionLabel = (set: string, value: string | number) =>
    t(`screenings.options.${set}.${value}` as "screenings.title");
  const errorOf = (key: string) => formState.errors.answers?.[key];

  function field(item: Item) {
    const name = `answers.${item.key}` as const;
    const id = `answer-${item.key}`;
    const error = errorOf(item.key);
    const invalid = error ? true : undefined;
    const describedBy = error ? `${id}-error` : undefined;
    switch (item.type) {
      case "scale":
      case "boolean": {
        const options = item.type === "boolean" ? ["yes", "no"] : item.options.map(String);
        return (
          <fieldset key={item.key} className="field" aria-invalid={invalid} aria-describedby={describedBy}>
            <legend>{labelOf(item)}</legend>
            <div className="choices">
              {options.map((o) => (
                <label key={o}>
                  <input type="radio" value={o} {...register(name)} />{" "}
                  {item.type === "boolean" ? t(`screenings.${o as "yes"}`) : optionLabel(item.optionSet, o)}
                </label>
              ))}
            </div>
            <FieldErrorText id={`${id}-error`} error={error} />
          </fieldset>
        );
      }
      case "multi":
        return (
          <fieldset key={item.key} className="field" aria-invalid={invalid} aria-describedby={describedBy}>
            <legend>{labelOf(item)}</legend>
            <div className="choices">
              {item.options.map((o) => (
                <label key={o}>
                  <input type="checkbox" value={o} {...register(name)} /> {optionLabel(item.optionSet, o)}
                </label>
              ))}
            </div>
            <FieldErrorText id={`${id}-error`} error={error} />
          </fieldset>
        );
      case "choice":
        return (
          <div key={item.key} className="field">
            <label htmlFor={id}>{labelOf(item)}</label>
            <select id={id} aria-invalid={invalid} aria-describedby={describedBy} {...register(name)}>
              <option value="">{t("fields.choose")}</option>
              {item.options.map((o) => (
                <option key={o} value={o}>
                  {optionLabel(item.optionSet, o)}
                </option>
              ))}
            </select>
            <FieldErrorText id={`${id}-error`} error={error} />
          </div>
        );
      case "number":
        return (
          <div key={item.key} className="field">
            <label htmlFor={id}>
              {labelOf(item)}
              {item.unit ? <span dir="ltr"> ({item.unit})</span> : null}
            </label>
            <input
              id={id}
              type="number"
              inputMode="decimal"
              dir="ltr"
              min={item.min}
              max={item.max}
              step={item.step}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              {...register(name)}
            />
            <FieldErrorText id={`${id}-error`} error={error} />
          </div>
        );
      case "date":
        return (
          <div key={item.key} className="field">
            <label htmlFor={id}>{labelOf(item)}</label>
            <input
              id={id}
              type="date"
              aria-invalid={invalid}
              aria-describedby={describedBy}
              {...register(name)}
            />
            <FieldErrorText id={`${id}-error`} error={error} />
          </div>
        );
      case "text":
        return (
          <div key={item.key} className="field">
            <label htmlFor={id}>
              {labelOf(item)}
              {item.required ? null : <span className="muted"> ({t("fields.optional")})</span>}
            </label>
            {item.multiline ? (
              <textarea
                id={id}
                rows={3}
                maxLength={item.maxLength}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                {...register(name)}
              />
            ) : (
              <input id={id} maxLength={item.maxLength} aria-invalid={invalid} {...register(name)} />
            )}
            <FieldErrorText id={`${id}-error`} error={error} />
          </div>
        );
    }
  }

  return (
    <form method="post" onSubmit={submit} noValidate>
      {formError ? (
        <div className="alert error" role="alert">
          {t.has(formError as "errors.generic") ? t(formError as "errors.generic") : t("errors.generic")}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="screenedOn">{t("screenings.screenedOn")}</label>
        <input
          id="screenedOn"
          type="date"
          max={todayIso()}
          aria-invalid={formState.errors.screenedOn ? true : undefined}
          {...register("screenedOn")}
        />
        <FieldErrorText id="screenedOn-error" error={formState.errors.screenedOn} />
      </div>
      {definition.sections.map((section) => (
        <fieldset key={section.key} className="screening-section">
          <legend>
            {t(`screenings.sections.${definition.messages}.${section.key}` as "screenings.title")}
          </legend>
          {section.items.filter((item) => isVisible(item, current)).map(field)}
        </fieldset>
      ))}
      <div className="actions">
        <button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("screenings.saving") : t("screenings.save")}
        </button>
      </div>
    </form>
  );
}
