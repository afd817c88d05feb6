// The learner's recent AI calls, and what they cost by provider.
import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import { locale, t } from "../../../i18n";
import { Empty, Shown, useLoad } from "../../../ui/load";
import { money } from "../model/budget";

type Usage = components["schemas"]["UsageOut"];

const count = (value: number) => new Intl.NumberFormat(locale.value).format(value);
const when = (at: string) => new Intl.DateTimeFormat(locale.value, { dateStyle: "medium", timeStyle: "short" }).format(new Date(at));

function Providers({ usage }: { usage: Usage }) {
  return (
    <div class="authoring-table" role="region" aria-labelledby="authoring-providers" tabIndex={0}>
      <table>
        <caption id="authoring-providers">{t("authoring.usage.byProvider")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("authoring.usage.provider")}</th>
            <th scope="col">{t("authoring.usage.calls")}</th>
            <th scope="col">{t("authoring.usage.tokensIn")}</th>
            <th scope="col">{t("authoring.usage.tokensOut")}</th>
            <th scope="col">{t("authoring.usage.cost")}</th>
          </tr>
        </thead>
        <tbody>
          {usage.by_provider.map((total) => (
            <tr>
              <th scope="row">{total.provider}</th>
              <td>{count(total.calls)}</td>
              <td>{count(total.tokens_in)}</td>
              <td>{count(total.tokens_out)}</td>
              <td>{money(total.cost_usd, locale.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Calls({ usage }: { usage: Usage }) {
  return (
    <div class="authoring-table" role="region" aria-labelledby="authoring-calls" tabIndex={0}>
      <table>
        <caption id="authoring-calls">{t("authoring.usage.recent")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("authoring.usage.when")}</th>
            <th scope="col">{t("authoring.usage.provider")}</th>
            <th scope="col">{t("authoring.usage.model")}</th>
            <th scope="col">{t("authoring.usage.tokens")}</th>
            <th scope="col">{t("authoring.usage.cost")}</th>
          </tr>
        </thead>
        <tbody>
          {usage.entries.map((entry) => (
            <tr>
              <th scope="row">{when(entry.at)}</th>
              <td>{entry.provider}</td>
              <td>{entry.model}</td>
              <td>{t("authoring.usage.tokensPair", { input: count(entry.tokens_in), output: count(entry.tokens_out) })}</td>
              <td>{money(entry.cost_usd, locale.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UsageTables() {
  const [usage, retry] = useLoad(() => api.GET("/api/v1/me/budget/usage", { params: { query: { limit: 50 } } }), []);
  return (
    <section class="authoring-section" aria-labelledby="authoring-usage">
      <h2 id="authoring-usage">{t("authoring.usage.title")}</h2>
      <Shown load={usage} retry={retry}>
        {(found) =>
          found.entries.length === 0 && found.by_provider.length === 0 ? (
            <Empty>{t("authoring.usage.empty")}</Empty>
          ) : (
            <>
              {found.by_provider.length > 0 && <Providers usage={found} />}
              {found.entries.length > 0 && <Calls usage={found} />}
            </>
          )
        }
      </Shown>
    </section>
  );
}
