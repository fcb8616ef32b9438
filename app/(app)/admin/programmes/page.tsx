import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getProgrammeConfig } from "@/lib/dal/programmes/get-programme-config";
import { ASSISTANCE_TYPES } from "@/lib/domain/assistance";
import { POPULATION_TYPES } from "@/lib/domain/beneficiary";
import {
  createPeriodAction,
  saveIndicatorAction,
  saveProjectAction,
  setTargetAction,
  setThresholdAction,
} from "./actions";

export const metadata: Metadata = { robots: { index: false } };

export default async function ProgrammesPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string; error?: string; message?: string }>;
}) {
  const ctx = await requireContext();
  const config = await orNotFound(getProgrammeConfig(ctx));
  const flags = await searchParams;
  const t = await getTranslations();
  const c = (k: string) => t(`programmeConfig.${k}` as "programmeConfig.title");
  const message =
    flags.message &&
    t.has(
      flags.message.includes(".")
        ? (flags.message as "programmeConfig.title")
        : (`validation.${flags.message}` as "validation.required"),
    )
      ? t(
          (flags.message.includes(".")
            ? flags.message
            : `validation.${flags.message}`) as "programmeConfig.title",
        )
      : null;
  return (
    <>
      <h1>{c("title")}</h1>
      {flags.saved ? (
        <div className="alert ok" role="status">
          {c("saved")}
        </div>
      ) : null}
      {flags.error ? (
        <div className="alert error" role="alert">
          {message ?? t(`errors.${flags.error as "generic"}`)}
        </div>
      ) : null}

      <section className="card" id="targets" aria-labelledby="targets-title">
        <h2 id="targets-title" style={{ marginBlockStart: 0 }}>
          {c("targets.title")}
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.columns.programme")}</th>
              <th scope="col">{t("dashboard.columns.indicator")}</th>
              {config.periods.map((p) => (
                <th scope="col" key={p.id}>
                  {p.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {config.indicators.map((i) => (
              <tr key={i.code}>
                <td>{i.programmeCode}</td>
                <td>
                  <code>{i.code}</code> · {i.label}
                </td>
                {config.periods.map((p) => (
                  <td key={p.id}>
                    <form action={setTargetAction} className="inline-form">
                      <input type="hidden" name="indicatorCode" value={i.code} />
                      <input type="hidden" name="periodId" value={p.id} />
                      <label
                        className="visually-hidden"
                        htmlFor={`t-${i.code}-${p.id}`}
                      >{`${c("targets.target")} ${i.code} ${p.label}`}</label>
                      <input
                        id={`t-${i.code}-${p.id}`}
                        name="target"
                        type="number"
                        min={0}
                        style={{ maxWidth: "8rem" }}
                        defaultValue={i.targets.find((x) => x.periodId === p.id)?.target ?? ""}
                      />
                      <button type="submit">{c("targets.save")}</button>
                    </form>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" id="indicator" aria-labelledby="indicator-title">
        <h2 id="indicator-title" style={{ marginBlockStart: 0 }}>
          {c("indicator.title")}
        </h2>
        <p className="muted">
          {c("indicator.explain")} {c("indicator.rule")}
        </p>
        <form action={saveIndicatorAction}>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="ind-code">{c("indicator.code")}</label>
              <input
                id="ind-code"
                name="code"
                required
                pattern="[a-z][a-z0-9_]{1,39}"
                list="indicator-codes"
              />
              <datalist id="indicator-codes">
                {config.indicators.map((i) => (
                  <option key={i.code} value={i.code} />
                ))}
              </datalist>
            </div>
            <div className="field">
              <label htmlFor="ind-programme">{c("indicator.programme")}</label>
              <select id="ind-programme" name="programmeCode">
                {config.programmes.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.code} · {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="ind-label">{c("indicator.label")}</label>
              <input id="ind-label" name="label" required />
            </div>
            <div className="field">
              <label htmlFor="ind-detention">{c("indicator.detention")}</label>
              <select id="ind-detention" name="detention">
                <option value="any">{c("indicator.detentionAny")}</option>
                <option value="detained">{c("indicator.detentionDetained")}</option>
                <option value="community">{c("indicator.detentionCommunity")}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="ind-agemin">{c("indicator.ageMin")}</label>
              <input id="ind-agemin" name="ageMin" type="number" min={0} max={130} />
            </div>
            <div className="field">
              <label htmlFor="ind-agemax">{c("indicator.ageMax")}</label>
              <input id="ind-agemax" name="ageMax" type="number" min={0} max={130} />
            </div>
          </div>
          <fieldset>
            <legend>{c("indicator.types")}</legend>
            {ASSISTANCE_TYPES.map((type) => (
              <label key={type} style={{ display: "block" }}>
                <input type="checkbox" name="assistanceTypes" value={type} /> {t(`assistance.types.${type}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{c("indicator.populations")}</legend>
            {POPULATION_TYPES.map((p) => (
              <label key={p} style={{ display: "inline-block", marginInlineEnd: "1rem" }}>
                <input type="checkbox" name="populationTypes" value={p} /> {t(`enums.populationType.${p}`)}
              </label>
            ))}
          </fieldset>
          <label>
            <input type="checkbox" name="active" defaultChecked /> {c("indicator.active")}
          </label>
          <div className="actions">
            <button type="submit">{c("indicator.save")}</button>
          </div>
        </form>
      </section>

      <section className="card" id="periods" aria-labelledby="periods-title">
        <h2 id="periods-title" style={{ marginBlockStart: 0 }}>
          {c("period.title")}
        </h2>
        <ul>
          {config.periods.map((p) => (
            <li key={p.id}>
              <code>{p.code}</code> · {p.label} · {p.startDate} – {p.endDate}
            </li>
          ))}
        </ul>
        <form action={createPeriodAction} className="grid-4">
          <div className="field">
            <label htmlFor="p-code">{c("period.code")}</label>
            <input id="p-code" name="code" required />
          </div>
          <div className="field">
            <label htmlFor="p-label">{c("period.label")}</label>
            <input id="p-label" name="label" required />
          </div>
          <div className="field">
            <label htmlFor="p-start">{c("period.start")}</label>
            <input id="p-start" name="startDate" type="date" required />
          </div>
          <div className="field">
            <label htmlFor="p-end">{c("period.end")}</label>
            <input id="p-end" name="endDate" type="date" required />
          </div>
          <div className="actions">
            <button type="submit">{c("period.save")}</button>
          </div>
        </form>
      </section>

      <section className="card" id="projects" aria-labelledby="projects-title">
        <h2 id="projects-title" style={{ marginBlockStart: 0 }}>
          {c("projects.title")}
        </h2>
        {[...config.donorProjects, null].map((p) => (
          <form
            key={p?.id ?? "new"}
            action={saveProjectAction}
            className="grid-4"
            aria-label={p ? p.code : c("projects.add")}
          >
            {p ? <input type="hidden" name="id" value={p.id} /> : null}
            <div className="field">
              <label htmlFor={`dp-code-${p?.id ?? "new"}`}>{c("projects.code")}</label>
              <input id={`dp-code-${p?.id ?? "new"}`} name="code" defaultValue={p?.code} required />
            </div>
            <div className="field">
              <label htmlFor={`dp-title-${p?.id ?? "new"}`}>{c("projects.projectTitle")}</label>
              <input id={`dp-title-${p?.id ?? "new"}`} name="title" defaultValue={p?.title} required />
            </div>
            <div className="field">
              <label htmlFor={`dp-donor-${p?.id ?? "new"}`}>{c("projects.donor")}</label>
              <input id={`dp-donor-${p?.id ?? "new"}`} name="donor" defaultValue={p?.donor} required />
            </div>
            <div className="field">
              <label htmlFor={`dp-sectors-${p?.id ?? "new"}`}>{c("projects.sectors")}</label>
              <input
                id={`dp-sectors-${p?.id ?? "new"}`}
                name="sectors"
                defaultValue={p?.sectors.join(", ")}
              />
            </div>
            <label>
              <input type="checkbox" name="active" defaultChecked={p ? p.active : true} />{" "}
              {c("projects.active")}
            </label>
            <div className="actions">
              <button type="submit">{p ? c("projects.save") : c("projects.add")}</button>
            </div>
          </form>
        ))}
      </section>

      <section className="card" id="threshold" aria-labelledby="threshold-title">
        <h2 id="threshold-title" style={{ marginBlockStart: 0 }}>
          {c("threshold.title")}
        </h2>
        <form action={setThresholdAction}>
          <div className="field" style={{ maxWidth: "24rem" }}>
            <label htmlFor="threshold-input">{c("threshold.label")}</label>
            <input
              id="threshold-input"
              name="threshold"
              type="number"
              min={1}
              max={100}
              defaultValue={config.threshold}
            />
          </div>
          <button type="submit">{c("threshold.save")}</button>
        </form>
      </section>
    </>
  );
}
