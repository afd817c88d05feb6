// What learners thought of the scenario: the ratings' summary, and the reviews with helpful votes.
import { useState } from "preact/hooks";

import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { locale, t } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { Empty, Shown, attempt, useLoad } from "../../ui/load";
import { outOfFive, ratingText } from "./cards";
import { reviewsPage, voteHelpful, type ReviewOrder } from "./fetchers";
import { MoreFooter } from "./ScenarioCard";
import { usePaged } from "./usePaged";

type Review = components["schemas"]["RatingOut"];
type Means = components["schemas"]["DimensionMeansOut"];

const DIMENSIONS: (keyof Means)[] = ["learning_effectiveness", "engagement", "cultural_authenticity", "difficulty_accuracy"];

export function RatingSummary({ scenarioId }: { scenarioId: string }) {
  const [load, reload] = useLoad(() => api.GET("/api/v1/scenarios/{scenario_id}/ratings/summary", { params: { path: { scenario_id: scenarioId } } }), [scenarioId]);
  return (
    <section aria-labelledby="discover-ratings">
      <h2 id="discover-ratings">{t("discover.ratings.title")}</h2>
      <Shown load={load} retry={reload}>
        {(summary) =>
          summary.count === 0 ? (
            <Empty>
              <p>{t("discover.ratings.none")}</p>
            </Empty>
          ) : (
            <>
              <p>{ratingText({ mean: summary.mean, count: summary.count })}</p>
              <dl class="discover-dimensions">
                {DIMENSIONS.map((dimension) => (
                  <div>
                    <dt>{t(`discover.dimension.${dimension}` as MessageKey)}</dt>
                    <dd>{outOfFive(summary.dimensions?.[dimension] ?? 0)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )
        }
      </Shown>
    </section>
  );
}

function ReviewItem({ review, pending, onVote }: { review: Review; pending: boolean; onVote: () => void }) {
  const helpful = review.helpful_count ?? 0;
  const date = new Intl.DateTimeFormat(locale.value, { dateStyle: "medium" }).format(new Date(review.updated_at));
  return (
    <li class="discover-review">
      <p class="discover-review-head">
        <strong>{t("discover.reviews.overall", { overall: review.overall })}</strong>
        <time dateTime={review.updated_at}>{date}</time>
        {review.mine && <span class="discover-mine">{t("discover.reviews.mine")}</span>}
      </p>
      <p class="discover-review-text">{review.review}</p>
      <p class="discover-review-foot">
        <span>{t(helpful === 1 ? "discover.reviews.helpfulOne" : "discover.reviews.helpfulMany", { count: helpful })}</span>
        {/* Your own review cannot be voted helpful */}
        {!review.mine && (
          <button type="button" class="discover-toggle" aria-pressed={review.voted_helpful ?? false} aria-disabled={pending} onClick={onVote}>
            {t("discover.reviews.helpful")}
          </button>
        )}
      </p>
    </li>
  );
}

function ReviewList({ scenarioId, sort }: { scenarioId: string; sort: ReviewOrder }) {
  const list = usePaged(reviewsPage(scenarioId, sort), (review) => review.id, []);
  const [pending, setPending] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function vote(review: Review) {
    if (pending) return;
    setPending(review.id);
    setFailure(null);
    const outcome = await attempt(voteHelpful(scenarioId, review));
    setPending(null);
    if (outcome.ok) list.update(outcome.data);
    else setFailure(outcome.message);
  }

  return (
    <Shown load={list.load} retry={list.reload}>
      {(paged) =>
        paged.items.length === 0 ? (
          <Empty>
            <p>{t("discover.reviews.none")}</p>
          </Empty>
        ) : (
          <>
            {failure && (
              <p role="alert" class="error">
                {failure}
              </p>
            )}
            <ul class="discover-reviews">
              {paged.items.map((review) => (
                <ReviewItem key={review.id} review={review} pending={pending === review.id} onVote={() => vote(review)} />
              ))}
            </ul>
            <MoreFooter more={list} hasMore={paged.hasMore} label="discover.more.reviews" />
          </>
        )
      }
    </Shown>
  );
}

export function Reviews({ scenarioId }: { scenarioId: string }) {
  const [sort, setSort] = useState<ReviewOrder>("helpful");
  return (
    <section aria-labelledby="discover-reviews">
      <h2 id="discover-reviews">{t("discover.reviews.title")}</h2>
      <label class="discover-sort">
        {t("discover.reviews.sort")}
        <select value={sort} onChange={(e) => setSort(e.currentTarget.value === "recent" ? "recent" : "helpful")}>
          <option value="helpful">{t("discover.reviews.byHelpful")}</option>
          <option value="recent">{t("discover.reviews.byRecent")}</option>
        </select>
      </label>
      <ReviewList key={`${scenarioId}-${sort}`} scenarioId={scenarioId} sort={sort} />
    </section>
  );
}
