// /author — the learner's own scenarios, and a new one from a template.
import { t } from "../../i18n";
import { MyScenarios } from "./scenarios/MyScenarios";
import { NewFromTemplate } from "./scenarios/NewFromTemplate";
import "./authoring.css";

export function AuthorPage() {
  return (
    <main class="authoring">
      <h1>{t("authoring.page.title")}</h1>
      <p class="authoring-hint">{t("authoring.page.hint")}</p>
      <MyScenarios />
      <NewFromTemplate />
    </main>
  );
}
