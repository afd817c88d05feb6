// The API calls of the discover pages, each page of a list answered as cards (or reviews) and
// where the next page starts.
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import type { Language } from "../../i18n/names";
import type { Answer } from "../../ui/load";
import { fromDiscovered, fromSummary, type Card } from "./cards";
import { fromTotal, gather, type Paged, type RawPage } from "./paging";
import { findUnfinished } from "./runs";
import { scenarioQuery, taggedCards, type Filters } from "./search";

type Review = components["schemas"]["RatingOut"];

export const HUB_LIMIT = 10;
const PAGE = 20;
// The active runs are few; the most a page may hold keeps the search for one to a single call.
const RUNS_PAGE = 100;

/** ``call``'s answer as a page of ``R`` (an error passes through unchanged). */
async function paged<D, R>(call: Promise<Answer<D>>, page: (data: D) => RawPage<R>): Promise<Answer<RawPage<R>>> {
  const { data, error } = await call;
  return data === undefined || error !== undefined ? { error } : { data: page(data) };
}

const same = <T>(items: T[]) => items;

export type HubList = "trending" | "popular" | "topRated";

function hubListCall(list: HubList, query: { language: Language; limit: number; offset: number }) {
  if (list === "trending") return api.GET("/api/v1/discover/trending", { params: { query } });
  if (list === "popular") return api.GET("/api/v1/discover/popular", { params: { query } });
  return api.GET("/api/v1/discover/top-rated", { params: { query } });
}

/** The hub's list ``list``, from ``offset`` on. */
export function hubListPage(list: HubList, language: Language) {
  return (offset: number): Promise<Answer<Paged<Card>>> =>
    gather(
      (at) => paged(hubListCall(list, { language, limit: HUB_LIMIT, offset: at }), (data) => ({ items: data.scenarios.map((found) => fromDiscovered(found)), hasMore: data.has_more ?? false })),
      same,
      offset,
      1,
    );
}

/** The scenarios that meet ``filters``: the API filters them all but by tag; a tag's list is
 * narrowed here by the others. */
export function resultsPage(language: Language, filters: Filters) {
  if (filters.tag) {
    return (offset: number): Promise<Answer<Paged<Card>>> =>
      gather(
        (at) =>
          paged(
            api.GET("/api/v1/tags/{tag}/items", { params: { path: { tag: filters.tag }, query: { kind: "scenario", limit: PAGE, offset: at } } }),
            (data) => ({ items: data.items, hasMore: data.has_more }),
          ),
        (items) => taggedCards(items, language, filters),
        offset,
      );
  }
  return (offset: number): Promise<Answer<Paged<Card>>> =>
    gather(
      (at) =>
        paged(api.GET("/api/v1/scenarios", { params: { query: scenarioQuery(language, filters, at, PAGE) } }), (data) =>
          fromTotal(data.items.map(fromSummary), data.offset, data.total),
        ),
      same,
      offset,
      1,
    );
}

export type ReviewOrder = "helpful" | "recent";

export function reviewsPage(scenarioId: string, sort: ReviewOrder) {
  return (offset: number): Promise<Answer<Paged<Review>>> =>
    gather(
      (at) =>
        paged(
          api.GET("/api/v1/scenarios/{scenario_id}/ratings", { params: { path: { scenario_id: scenarioId }, query: { sort, limit: PAGE, offset: at } } }),
          (data) => ({ items: data.reviews, hasMore: data.has_more ?? false }),
        ),
      same,
      offset,
      1,
    );
}

export function unfinishedRun(scenarioId: string) {
  return findUnfinished(scenarioId, (offset) => api.GET("/api/v1/runs", { params: { query: { status: "active", limit: RUNS_PAGE, offset } } }));
}

/** Helpful votes: given once, taken back once; the answer is the review as it now stands. */
export function voteHelpful(scenarioId: string, review: Review) {
  const params = { params: { path: { scenario_id: scenarioId, rating_id: review.id } } };
  return review.voted_helpful
    ? api.DELETE("/api/v1/scenarios/{scenario_id}/ratings/{rating_id}/helpful", params)
    : api.PUT("/api/v1/scenarios/{scenario_id}/ratings/{rating_id}/helpful", params);
}
