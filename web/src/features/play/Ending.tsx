// The two ways a run ends: finishing it (scored, its words and mistakes go to the deck) or
// abandoning it, which is asked again first since nothing of it is kept.
import { useEffect, useRef, useState } from "preact/hooks";

import { t } from "../../i18n";
import { Failure } from "../../ui/load";
import { abandon, finish } from "./calls";
import type { Run } from "./transcript";

interface Props {
  runId: string;
  /** While a turn is on its way: ending now would lose it. */
  busy: boolean;
  onEnded: (run: Run) => void;
}

export function Ending({ runId, busy, onEnded }: Props) {
  const [working, setWorking] = useState<"finishing" | "abandoning" | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<{ message: string; retry: () => void } | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const abandonButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  async function finishRun() {
    setWorking("finishing");
    setProblem(null);
    const outcome = await finish(runId);
    setWorking(null);
    if (outcome.ok) onEnded(outcome.data);
    else setProblem({ message: outcome.message, retry: finishRun });
  }

  async function abandonRun() {
    setWorking("abandoning");
    setProblem(null);
    const outcome = await abandon(runId);
    setWorking(null);
    setConfirming(false);
    if (outcome.ok) onEnded(outcome.data);
    else setProblem({ message: outcome.message, retry: abandonRun });
  }

  function keepPlaying() {
    setConfirming(false);
    abandonButton.current?.focus();
  }

  const disabled = busy || working !== null;
  return (
    <section class="play-ending" aria-labelledby="play-ending-title">
      <h2 id="play-ending-title">{t("play.end.title")}</h2>
      <p class="hint">{t("play.end.hint")}</p>
      <div class="play-buttons">
        <button type="button" onClick={finishRun} disabled={disabled}>
          {t("play.finish")}
        </button>
        <button type="button" class="play-secondary" ref={abandonButton} onClick={() => setConfirming(true)} disabled={disabled}>
          {t("play.abandon")}
        </button>
      </div>
      {confirming && (
        <div class="play-confirm" role="group" aria-labelledby="play-confirm-question">
          <p id="play-confirm-question">{t("play.abandon.question")}</p>
          <div class="play-buttons">
            <button type="button" class="play-danger" onClick={abandonRun} disabled={working !== null}>
              {t("play.abandon.yes")}
            </button>
            <button type="button" class="play-secondary" ref={keep} onClick={keepPlaying} disabled={working !== null}>
              {t("play.abandon.no")}
            </button>
          </div>
        </div>
      )}
      <p role="status" class="play-waiting">
        {working === "finishing" ? t("play.finishing") : working === "abandoning" ? t("play.abandoning") : ""}
      </p>
      {problem && <Failure message={problem.message} retry={problem.retry} />}
    </section>
  );
}
