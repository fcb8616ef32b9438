"use server";

import { redirect } from "next/navigation";
import { runAction } from "@/lib/auth/action";
import { createReportingPeriod } from "@/lib/dal/programmes/create-reporting-period";
import { saveDonorProject } from "@/lib/dal/programmes/save-donor-project";
import { saveIndicator } from "@/lib/dal/programmes/save-indicator";
import { setIndicatorTarget } from "@/lib/dal/programmes/set-indicator-target";
import { setSuppressionThreshold } from "@/lib/dal/programmes/set-suppression-threshold";
import type { ActionResult } from "@/lib/validation/common";

// Plain form posts, so the page works without script; the DAL parses and authorizes every input.

const text = (f: FormData, k: string) => String(f.get(k) ?? "");

function done(result: ActionResult<unknown>, anchor: string): never {
  if (result.ok) redirect(`/admin/programmes?saved=1#${anchor}`);
  const field = Object.entries(result.fieldErrors ?? {})[0];
  const detail = field
    ? `&field=${encodeURIComponent(field[0])}&message=${encodeURIComponent(field[1]?.[0] ?? "")}`
    : "";
  redirect(`/admin/programmes?error=${result.code}${detail}#${anchor}`);
}

export async function setTargetAction(form: FormData): Promise<void> {
  const r = await runAction((ctx) =>
    setIndicatorTarget(ctx, {
      indicatorCode: text(form, "indicatorCode"),
      periodId: text(form, "periodId"),
      target: text(form, "target") as unknown as number,
    }),
  );
  done(r, "targets");
}

export async function saveIndicatorAction(form: FormData): Promise<void> {
  const r = await runAction((ctx) =>
    saveIndicator(ctx, {
      code: text(form, "code"),
      programmeCode: text(form, "programmeCode"),
      label: text(form, "label"),
      assistanceTypes: form.getAll("assistanceTypes").map(String) as never,
      populationTypes: form.getAll("populationTypes").map(String) as never,
      ageMin: text(form, "ageMin") as never,
      ageMax: text(form, "ageMax") as never,
      detention: text(form, "detention") as never,
      active: form.get("active") === "on",
    }),
  );
  done(r, "indicator");
}

export async function createPeriodAction(form: FormData): Promise<void> {
  const r = await runAction((ctx) =>
    createReportingPeriod(ctx, {
      code: text(form, "code"),
      label: text(form, "label"),
      startDate: text(form, "startDate"),
      endDate: text(form, "endDate"),
    }),
  );
  done(r, "periods");
}

export async function saveProjectAction(form: FormData): Promise<void> {
  const id = text(form, "id");
  const r = await runAction((ctx) =>
    saveDonorProject(ctx, {
      id: id || undefined,
      code: text(form, "code"),
      title: text(form, "title"),
      donor: text(form, "donor"),
      sectors: text(form, "sectors")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      active: form.get("active") === "on",
    }),
  );
  done(r, "projects");
}

export async function setThresholdAction(form: FormData): Promise<void> {
  const r = await runAction((ctx) => setSuppressionThreshold(ctx, { threshold: text(form, "threshold") }));
  done(r, "threshold");
}
