// What went worst: words left unused, points corrected, categories scored low; each leads to
// where it can be practised.
import { Link } from "wouter-preact";

import type { components } from "../../api/schema";
import { locale, t } from "../../i18n";
import { categoryName } from "../../i18n/names";
import { formatNumber } from "./format";
import { categoryHref, REVIEW_HREF, wordHref } from "./links";

type Board = components["schemas"]["DashboardOut"];

function Times({ count }: { count: number }) {
  return <span class="hint"> ({t("dashboard.weak.times", { count: formatNumber(count, locale.value) })})</span>;
}

export function WeakAreas({ board }: { board: Board }) {
  const words = board.missed_words ?? [];
  const grammar = board.grammar_points ?? [];
  const categories = board.weak_categories ?? [];
  const lang = locale.value;
  return (
    <section aria-labelledby="dashboard-weak">
      <h2 id="dashboard-weak">{t("dashboard.weak.title")}</h2>
      {words.length + grammar.length + categories.length === 0 && <p>{t("dashboard.weak.none")}</p>}
      {words.length > 0 && (
        <>
          <h3>{t("dashboard.weak.words")}</h3>
          <p class="hint">{t("dashboard.weak.wordsHint")}</p>
          <ul class="dashboard-words">
            {words.map((word) => (
              <li>
                <Link href={wordHref(word.key, word.language)}>
                  <span lang={word.language}>{word.key}</span>
                </Link>
                <Times count={word.times} />
              </li>
            ))}
          </ul>
        </>
      )}
      {grammar.length > 0 && (
        <>
          <h3>{t("dashboard.weak.grammar")}</h3>
          <ul>
            {grammar.map((point) => (
              <li>
                {point.key}
                <Times count={point.times} />
              </li>
            ))}
          </ul>
          <p>
            <Link href={REVIEW_HREF}>{t("dashboard.new.review")}</Link>
          </p>
        </>
      )}
      {categories.length > 0 && (
        <>
          <h3>{t("dashboard.weak.categories")}</h3>
          <ul>
            {categories.map((category) => (
              <li>
                <Link href={categoryHref(category.category)}>{categoryName(category.category)}</Link>
                <span class="hint">
                  {" — "}
                  {t("dashboard.weak.score", { score: formatNumber(category.mean_score ?? 0, lang), count: formatNumber(category.scenarios ?? 0, lang) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
