import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm, Field } from "@/components/bid/action-form";
import { requireContext } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page";
import { getPanelSettings } from "@/lib/dal/bid/panel-settings";
import { AGENCIES } from "@/lib/domain/bid/constants";
import { panelConfigAction, panelMemberAction } from "../../bid/actions";

export const metadata: Metadata = { robots: { index: false } };

export default async function PanelSettingsPage() {
  const ctx = await requireContext();
  const s = await orNotFound(getPanelSettings(ctx));
  const t = await getTranslations("panel");
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <section className="card" aria-labelledby="rules">
        <h2 id="rules">{t("settings.rules")}</h2>
        <ActionForm
          action={panelConfigAction}
          fixed={{ version: s.config.version }}
          success="panel.settings.saved"
        >
          <div className="grid-2">
            <Field name="quorum" type="number" label={t("settings.quorum")} defaultValue={s.config.quorum} />
            <Field
              name="accessDays"
              type="number"
              label={t("settings.accessDays")}
              defaultValue={s.config.accessDays}
            />
            <Field
              name="ageOutHorizonDays"
              type="number"
              label={t("settings.ageOutHorizonDays")}
              defaultValue={s.config.ageOutHorizonDays}
            />
          </div>
          <fieldset>
            <legend>{t("settings.requiredAgencies")}</legend>
            {AGENCIES.map((a) => (
              <label key={a} className="check">
                <input
                  type="checkbox"
                  name="requiredAgencies[]"
                  value={a}
                  defaultChecked={s.config.requiredAgencies.includes(a)}
                />{" "}
                {t(`agency.${a}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t("settings.save")}</button>
        </ActionForm>
      </section>
      <section className="card" aria-labelledby="seats">
        <h2 id="seats">{t("settings.members")}</h2>
        <p className="muted">{t("settings.membersHint")}</p>
        {s.candidates.map((c) => (
          <ActionForm
            key={c.userId}
            action={panelMemberAction}
            fixed={{ userId: c.userId }}
            success="panel.settings.saved"
            label={c.name}
          >
            <div className="grid-4">
              <p>
                <strong>{c.name}</strong>
                <br />
                <span dir="ltr">{c.email}</span>
              </p>
              <Field name="agency" id={`agency-${c.userId}`} label={t("settings.agency")}>
                <select id={`agency-${c.userId}`} name="agency" defaultValue={c.member?.agency ?? ""}>
                  <option value="">—</option>
                  {AGENCIES.map((a) => (
                    <option key={a} value={a}>
                      {t(`agency.${a}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <div>
                <label className="check">
                  <input type="checkbox" name="isChair?" defaultChecked={c.member?.isChair ?? false} />{" "}
                  {t("settings.chair")}
                </label>
                <label className="check">
                  <input type="checkbox" name="active?" defaultChecked={c.member?.active ?? true} />{" "}
                  {t("settings.active")}
                </label>
              </div>
              <button type="submit" className="secondary">
                {t("settings.seat")}
              </button>
            </div>
          </ActionForm>
        ))}
      </section>
    </>
  );
}
