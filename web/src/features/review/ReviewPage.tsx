// /review: a session of the learner's due cards, which goes on offline and syncs when back.
import { useEffect, useRef } from "preact/hooks";

import { t } from "../../i18n";
import { Failure, Loading } from "../../ui/load";
import { CardView } from "./CardView";
import { Finished } from "./Finished";
import { shortcutFor, type KeyPress } from "./keys";
import { NothingDue } from "./NothingDue";
import { current, summary } from "./session";
import { SyncLine } from "./SyncLine";
import { useReview, type Review } from "./useReview";
import "./review.css";

/** Space, 1 to 4 and U / Ctrl+Z, anywhere on the page but in a text field. */
function useShortcuts(review: Review) {
  const latest = useRef(review);
  latest.current = review;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const { key, ctrlKey, metaKey, altKey, repeat } = event;
      const { view, refilling, reveal, rate, undo } = latest.current;
      if (view.kind !== "session" || refilling) return;
      const shortcut = shortcutFor({ key, ctrlKey, metaKey, altKey, repeat, target: event.target as KeyPress["target"] });
      if (!shortcut) return;
      event.preventDefault();
      if (shortcut.action === "reveal") reveal();
      else if (shortcut.action === "rate") void rate(shortcut.rating);
      else void undo();
    }
    globalThis.addEventListener("keydown", onKey);
    return () => globalThis.removeEventListener("keydown", onKey);
  }, []);
}

export function ReviewPage() {
  const review = useReview();
  const showRef = useRef<HTMLButtonElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useShortcuts(review);

  useEffect(() => {
    const targets = { show: showRef, answer: answerRef, heading: headingRef };
    if (review.focus) targets[review.focus.to].current?.focus();
  }, [review.focus]);

  const { view, session } = review;
  const card = session && current(session);
  return (
    <main class="review">
      <h1>{t("review.title")}</h1>
      <SyncLine status={review.outbox?.status ?? null} />
      <p role="status" class="review-sr">
        {review.announcement}
      </p>
      {review.problem && (
        <p role="alert" class="error">
          {review.problem}
        </p>
      )}
      {view.kind === "loading" && <Loading label={t("review.loading")} />}
      {view.kind === "failed" && <Failure message={view.message} retry={review.reload} />}
      {view.kind === "empty" && <NothingDue notice={view.notice} headingRef={headingRef} onCheck={review.reload} />}
      {view.kind === "session" && review.refilling && <Loading label={t("review.refilling")} />}
      {view.kind === "session" && !review.refilling && session && card && (
        <CardView
          card={card}
          phase={session.phase}
          left={session.deck.length}
          canUndo={session.held !== null}
          showRef={showRef}
          answerRef={answerRef}
          onReveal={review.reveal}
          onRate={(rating) => void review.rate(rating)}
          onUndo={() => void review.undo()}
        />
      )}
      {view.kind === "session" && !review.refilling && session && !card && (
        <Finished summary={summary(session)} headingRef={headingRef} onAgain={review.reload} />
      )}
    </main>
  );
}
