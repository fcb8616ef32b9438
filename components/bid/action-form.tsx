"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, type ReactNode, useContext, useState, useTransition } from "react";
import { validationMessageKey } from "@/components/forms/field-error";
import type { ActionResult, FieldErrors } from "@/lib/validation/common";

const ErrorsContext = createContext<FieldErrors>({});

/**
 * FormData → action input: `name[]` collects an array, `name?` is a checkbox read as a boolean,
 * the clicked button's name/value is included (e.g. intent=submit).
 */
export function formInput(form: HTMLFormElement, submitter: HTMLElement | null): Record<string, unknown> {
  const data = new FormData(form, submitter as HTMLButtonElement | null);
  const out: Record<string, unknown> = {};
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLInputElement && el.type === "checkbox" && el.name.endsWith("?"))
      out[el.name.slice(0, -1)] = el.checked;
  }
  for (const [key, value] of data.entries()) {
    if (key.endsWith("?")) continue;
    if (key.endsWith("[]")) {
      const name = key.slice(0, -2);
      out[name] = [...((out[name] as unknown[]) ?? []), value];
    } else out[key] = value;
  }
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLInputElement && el.name.endsWith("[]") && !(el.name.slice(0, -2) in out))
      out[el.name.slice(0, -2)] = [];
  }
  return out;
}

export function ActionForm({
  action,
  fixed = {},
  transform,
  children,
  success,
  className,
  label,
}: {
  action: (input: never) => Promise<ActionResult<unknown>>;
  fixed?: Record<string, unknown>;
  transform?: (input: Record<string, unknown>) => unknown;
  children: ReactNode;
  success?: string;
  className?: string;
  label?: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const text = (key: string) => {
    const full = validationMessageKey(key);
    return t.has(full as "validation.required") ? t(full as "validation.required") : key;
  };
  return (
    <form
      method="post"
      aria-label={label}
      className={className}
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        const raw = { ...formInput(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter), ...fixed };
        const input = transform ? transform(raw) : raw;
        startTransition(async () => {
          const result = await (action as (i: unknown) => Promise<ActionResult<unknown>>)(input);
          if (result.ok) {
            setErrors({});
            setMessage(success ? { kind: "ok", text: t(success as "bid.saved") } : null);
            router.refresh();
            return;
          }
          setErrors(result.fieldErrors ?? {});
          const form = result.fieldErrors?._form?.[0];
          setMessage({
            kind: "error",
            text: form
              ? text(form)
              : t.has(`errors.${result.code}` as "errors.generic")
                ? t(`errors.${result.code}` as "errors.generic")
                : t("errors.generic"),
          });
        });
      }}
    >
      {message ? (
        <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </div>
      ) : null}
      <ErrorsContext.Provider value={errors}>
        <fieldset disabled={pending} style={{ border: 0, padding: 0, margin: 0 }}>
          {children}
        </fieldset>
      </ErrorsContext.Provider>
    </form>
  );
}

/** The server's message for one field of the enclosing ActionForm. */
export function Err({ name }: { name: string }) {
  const t = useTranslations();
  const key = useContext(ErrorsContext)[name]?.[0];
  if (!key) return null;
  const full = validationMessageKey(key);
  return (
    <p className="error" id={`${name}-error`} role="alert">
      {t.has(full as "validation.required") ? t(full as "validation.required") : t("validation.invalid")}
    </p>
  );
}

/** A labelled field (a text area unless `type` says otherwise) with its server error below. */
export function Field({
  name,
  label,
  children,
  hint,
  type = "textarea",
  defaultValue,
  id,
}: {
  name: string;
  label: string;
  children?: ReactNode;
  hint?: string;
  type?: "textarea" | "text" | "date" | "number";
  defaultValue?: string | number | null;
  id?: string;
}) {
  const errors = useContext(ErrorsContext);
  const invalid = Boolean(errors[name]?.length) || undefined;
  const fieldId = id ?? name.replace(/[^a-zA-Z0-9_-]/g, "_");
  const describedBy = invalid ? `${name}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {hint ? <p className="muted">{hint}</p> : null}
      {children ??
        (type === "textarea" ? (
          <textarea
            id={fieldId}
            name={name}
            rows={3}
            defaultValue={defaultValue ?? ""}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        ) : (
          <input
            id={fieldId}
            name={name}
            type={type}
            defaultValue={defaultValue ?? ""}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        ))}
      <Err name={name} />
    </div>
  );
}
