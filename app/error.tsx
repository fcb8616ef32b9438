"use client";

import { useTranslations } from "next-intl";
import { ScriptButton } from "@/components/forms/script-button";

/** Unexpected errors only; expected ones come back from actions as values. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errorPage");
  return (
    <main className="content" id="content" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      {error.digest ? <p className="muted">{t("reference", { digest: error.digest })}</p> : null}
      <ScriptButton onClick={reset}>{t("retry")}</ScriptButton>
    </main>
  );
}
