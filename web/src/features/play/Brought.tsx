// What finishing a run brings a moment later, counted by other services: the XP it earned and the
// cards it put in the review deck. Each is looked for until it shows, and again on request.
import { t } from "../../i18n";
import { Failure } from "../../ui/load";
import { cardsOf, xpOf } from "./calls";
import { earnedText } from "./summary";
import type { Run } from "./transcript";
import { useEventually, type Eventually } from "./useEventually";

interface Props {
  run: Run;
  /** Finished on this page: what it brings may not be counted yet, so it is looked for patiently. */
  justFinished: boolean;
}

/** The button to look again. It stays while the answer is awaited (aria-disabled rather than
 * disabled, which would drop the keyboard focus), shown once a first look found nothing. */
function LookAgain({ state, onAsk, label }: { state: Eventually<unknown>; onAsk: () => void; label: string }) {
  if (state.waiting && !state.asked) return null;
  return (
    <button type="button" aria-disabled={state.waiting} onClick={() => !state.waiting && onAsk()}>
      {label}
    </button>
  );
}

export function Xp({ run, justFinished }: Props) {
  const [state, again] = useEventually((round, signal) => xpOf(run.id, justFinished && round === 0, signal));
  const outcome = state.waiting ? null : state.value;
  const earned = outcome?.ok ? outcome.data : null;
  const failed = outcome && !outcome.ok ? outcome.message : null;
  const said = !outcome ? t("play.xp.counting") : earned ? earnedText(earned) : failed ? "" : t("play.xp.notYet");
  return (
    <>
      <p role="status" class={earned ? "play-xp" : undefined}>
        {said}
      </p>
      {failed && <Failure message={`${t("play.xp.failed")} ${failed}`} />}
      {!earned && <LookAgain state={state} onAsk={again} label={t("play.xp.again")} />}
    </>
  );
}

export function Cards({ run, justFinished }: Props) {
  const [state, again] = useEventually((round, signal) => cardsOf(run.id, justFinished && round === 0, signal));
  const outcome = state.waiting ? null : state.value;
  const found = outcome?.ok ? outcome.data : [];
  const failed = outcome && !outcome.ok ? outcome.message : null;
  const said = !outcome ? t("play.cards.looking") : found.length > 0 ? t("play.cards.added", { count: found.length }) : failed ? "" : t("play.cards.none");
  return (
    <>
      <p role="status">{said}</p>
      {failed && <Failure message={`${t("play.cards.failed")} ${failed}`} />}
      {found.length > 0 ? (
        <ul class="play-cards">
          {found.map((card) => (
            <li key={card.id}>
              <span lang={run.language}>{card.front}</span>
              <span aria-hidden="true"> → </span>
              <span class="play-sr"> {t("play.cards.back")} </span>
              <span>{card.back}</span>
            </li>
          ))}
        </ul>
      ) : (
        <LookAgain state={state} onAsk={again} label={t("play.cards.again")} />
      )}
    </>
  );
}
