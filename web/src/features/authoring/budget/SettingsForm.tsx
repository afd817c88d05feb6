// The learner's own budget settings: a limit (up to the most an admin allows) and its period.
// The alert thresholds and whether the limit is enforced are an admin's to set.
import { useState } from "preact/hooks";

import { api } from "../../../api/client";
import { locale, t } from "../../../i18n";
import { Errors, SelectField, TextField } from "../editor/fields";
import { formOf, money, PERIODS, settingsBody, settingsChanged, type Budget, type Period, type SettingsForm as Form } from "../model/budget";
import { refusalOf, type Refusal } from "../model/fieldErrors";
import { periodName } from "./Spending";

const FIELDS = ["limit_usd", "period", "custom_days"];

export function SettingsForm({ budget, onSaved }: { budget: Budget; onSaved: (budget: Budget) => void }) {
  const [form, setForm] = useState<Form>(() => formOf(budget));
  const [working, setWorking] = useState(false);
  const [saved, setSaved] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const changed = settingsChanged(budget, form);
  const edit = (fields: Partial<Form>) => {
    setForm({ ...form, ...fields });
    setSaved(false);
  };

  async function save(event: Event) {
    event.preventDefault();
    setWorking(true);
    setRefusal(null);
    try {
      const { data, error } = await api.PUT("/api/v1/me/budget", { body: settingsBody(form) });
      if (data) {
        onSaved(data);
        setForm(formOf(data));
        setSaved(true);
      } else setRefusal(refusalOf(error, FIELDS, t("error.unknown")));
    } catch {
      setRefusal({ message: t("error.network"), byField: {}, unplaced: [] });
    }
    setWorking(false);
  }

  return (
    <section class="authoring-section" aria-labelledby="authoring-settings">
      <h2 id="authoring-settings">{t("authoring.budget.settings")}</h2>
      <Errors.Provider value={refusal?.byField ?? {}}>
        <form onSubmit={save} noValidate>
          <TextField
            path="limit_usd"
            type="number"
            min={0}
            max={budget.max_limit_usd}
            step="any"
            label={t("authoring.budget.limit")}
            hint={t("authoring.budget.limitHint", { max: money(budget.max_limit_usd, locale.value) })}
            value={form.limit}
            onInput={(limit) => edit({ limit })}
          />
          <SelectField path="period" label={t("authoring.budget.period")} value={form.period} onChange={(period) => edit({ period: period as Period })} options={PERIODS.map((period) => ({ value: period, label: periodName(period) }))} />
          {form.period === "custom" && (
            <TextField path="custom_days" type="number" min={1} max={366} step={1} label={t("authoring.budget.customDays")} hint={t("authoring.budget.customDaysHint")} value={form.customDays} onInput={(customDays) => edit({ customDays })} />
          )}
          <p class="authoring-hint">{t("authoring.budget.adminOnly")}</p>
          {refusal && (
            <p role="alert" class="error">
              {refusal.message}
            </p>
          )}
          <p role="status" class="authoring-hint">
            {saved ? t("authoring.budget.saved") : ""}
          </p>
          <button type="submit" disabled={working || !changed}>
            {t("authoring.budget.save")}
          </button>
        </form>
      </Errors.Provider>
    </section>
  );
}
