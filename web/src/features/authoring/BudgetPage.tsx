// /budget — what the learner's AI tutor has cost this period, their own limit, and recent calls.
import { api } from "../../api/client";
import { t } from "../../i18n";
import { Shown, useLoad } from "../../ui/load";
import { SettingsForm } from "./budget/SettingsForm";
import { Spending } from "./budget/Spending";
import { UsageTables } from "./budget/Usage";
import "./authoring.css";

export function BudgetPage() {
  const [budget, retry, replace] = useLoad(() => api.GET("/api/v1/me/budget"), []);
  return (
    <main class="authoring">
      <h1>{t("authoring.budget.title")}</h1>
      <p class="authoring-hint">{t("authoring.budget.hint")}</p>
      <Shown load={budget} retry={retry}>
        {(found) => (
          <>
            <Spending budget={found} />
            <SettingsForm budget={found} onSaved={replace} />
          </>
        )}
      </Shown>
      <UsageTables />
    </main>
  );
}
