// /scenarios/:id/rate — the learner rates a scenario they completed, or changes or deletes their rating.
import { useState } from "preact/hooks";
import { Link, useParams } from "wouter-preact";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { Shown, useLoad, type Answer } from "../../ui/load";
import { BookmarkButton } from "./BookmarkButton";
import { hrefOf } from "./items";
import { RatingForm } from "./RatingForm";
import type { Rating } from "./types";
import "./library.css";

interface Rated {
  title: string;
  rating: Rating | null;
}

/** The scenario's title and the learner's rating of it: none yet when the API answers 404. */
async function loadRated(scenarioId: string): Promise<Answer<Rated>> {
  const path = { params: { path: { scenario_id: scenarioId } } };
  const [scenario, mine] = await Promise.all([
    api.GET("/api/v1/scenarios/{scenario_id}", path),
    api.GET("/api/v1/scenarios/{scenario_id}/ratings/mine", path),
  ]);
  if (!scenario.data) return { error: scenario.error };
  if (mine.response.status === 404) return { data: { title: scenario.data.summary.title, rating: null } };
  if (!mine.data) return { error: mine.error };
  return { data: { title: scenario.data.summary.title, rating: mine.data } };
}

function RateView({ id }: { id: string }) {
  const [load, reload] = useLoad(() => loadRated(id), [id]);
  // The rating as last saved here; undefined until the learner saves or deletes one.
  const [rating, setRating] = useState<Rating | null | undefined>(undefined);

  return (
    <>
      {load.state !== "ready" && <h1>{t("library.rate.heading")}</h1>}
      <Shown load={load} retry={reload}>
        {(rated) => (
          <>
            <h1>{t("library.rate.title", { title: rated.title })}</h1>
            <BookmarkButton kind="scenario" id={id} />
            <RatingForm scenarioId={id} saved={rating === undefined ? rated.rating : rating} changed={setRating} />
          </>
        )}
      </Shown>
    </>
  );
}

export function RatePage() {
  const { id } = useParams<{ id: string }>();
  return (
    <main class="library library-narrow">
      <p>
        <Link href={hrefOf({ kind: "scenario", id })}>{t("library.rate.back")}</Link>
      </p>
      <RateView key={id} id={id} />
    </main>
  );
}
