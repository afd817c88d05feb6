// An active run: where the learner is, the conversation so far, what they say next, and the way
// out (finish or abandon).
import { useEffect, useReducer, useRef } from "preact/hooks";

import { t } from "../../i18n";
import { Failure } from "../../ui/load";
import { sendTurn } from "./calls";
import { Ending } from "./Ending";
import { PhasePanel } from "./PhasePanel";
import { Turns } from "./Turns";
import { entries, sendable, sendsOnKey, started, transcript, type Run } from "./transcript";
import type { Scenario } from "./phases";

interface Props {
  run: Run;
  scenario: Scenario;
  tutor: string;
  onEnded: (run: Run) => void;
}

export function Conversation({ run, scenario, tutor, onEnded }: Props) {
  const [state, dispatch] = useReducer(transcript, run, started);
  const reply = useRef<HTMLTextAreaElement>(null);
  const waiting = state.pending !== null;
  const shown = entries(state);

  // The newest turn is just above the reply box: keep the box (and so the turn) in view as turns
  // come, but open at the top, where the phase's goal is.
  const turnsShown = useRef(shown.length);
  useEffect(() => {
    if (turnsShown.current === shown.length) return;
    turnsShown.current = shown.length;
    reply.current?.scrollIntoView?.({ block: "nearest" });
  }, [shown.length]);

  async function send() {
    const text = sendable(state);
    dispatch({ type: "send" });
    if (text === null) return;
    const outcome = await sendTurn(state.run.id, text);
    dispatch(outcome.ok ? { type: "replied", result: outcome.data } : { type: "failed", message: outcome.message });
    reply.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!sendsOnKey(event)) return;
    event.preventDefault();
    void send();
  }

  return (
    <>
      <PhasePanel run={state.run} scenario={scenario} />
      <Turns entries={shown} tutor={tutor} language={run.language} />
      <form
        class="play-composer"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <label>
          {t("play.reply")}
          <textarea
            ref={reply}
            rows={3}
            maxLength={2000}
            lang={run.language}
            value={state.draft}
            aria-describedby="play-reply-hint"
            aria-invalid={state.problem?.kind === "blank"}
            onInput={(event) => dispatch({ type: "edit", draft: event.currentTarget.value })}
            onKeyDown={onKeyDown}
          />
        </label>
        <p id="play-reply-hint" class="hint">
          {t("play.replyHint")}
        </p>
        <p role="status" class="play-waiting">
          {waiting ? t("play.replying", { name: tutor }) : ""}
        </p>
        {state.problem?.kind === "blank" && (
          <p role="alert" class="error">
            {t("play.blank")}
          </p>
        )}
        {state.problem?.kind === "refused" && <Failure message={state.problem.message} retry={() => void send()} />}
        <button type="submit" disabled={waiting}>
          {t("play.send")}
        </button>
      </form>
      <Ending runId={run.id} busy={waiting} onEnded={onEnded} />
    </>
  );
}
