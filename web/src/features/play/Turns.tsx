// The conversation: each turn with who said it, and under a learner's turn what the tutor
// noticed (feedback, and each mistake with its correction).
import { t } from "../../i18n";
import type { Entry, Mistake, TurnNote } from "./transcript";

interface Props {
  entries: Entry[];
  tutor: string;
  /** The run's language, so that its text is read aloud in it. */
  language: string;
}

export function Turns({ entries, tutor, language }: Props) {
  return (
    <section class="play-conversation" aria-labelledby="play-conversation-title">
      <h2 id="play-conversation-title">{t("play.conversation")}</h2>
      <div role="log" aria-labelledby="play-conversation-title">
        <ol class="play-turns">
          {entries.map((entry) => (
            <li class={`play-turn play-turn-${entry.role}`}>
              <p class="play-who">
                {entry.role === "learner" ? t("play.you") : tutor}
                {entry.pending && <span class="play-sending"> · {t("play.sending")}</span>}
              </p>
              <p class="play-text" lang={language}>
                {entry.text}
              </p>
              {entry.note && <Note note={entry.note} language={language} />}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

function Note({ note, language }: { note: TurnNote; language: string }) {
  const empty = !note.phaseCompleted && note.feedback.length === 0 && note.mistakes.length === 0;
  if (empty) return null;
  return (
    <div class="play-note">
      {note.phaseCompleted && <p class="play-phase-done">{t("play.phaseCompleted")}</p>}
      {note.feedback.length > 0 && (
        <ul class="play-feedback" aria-label={t("play.feedback")}>
          {note.feedback.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      )}
      {note.mistakes.length > 0 && <Corrections mistakes={note.mistakes} language={language} />}
    </div>
  );
}

/** What was said, struck through, then its correction and why. */
export function Corrections({ mistakes, language }: { mistakes: Mistake[]; language: string }) {
  return (
    <ul class="play-corrections" aria-label={t("play.corrections")}>
      {mistakes.map((mistake) => (
        <li>
          <span class="play-sr">{t("play.said")} </span>
          <s lang={language}>{mistake.said}</s>
          <span aria-hidden="true"> → </span>
          <span class="play-sr"> {t("play.correctedTo")} </span>
          <strong lang={language}>{mistake.correction}</strong>
          {mistake.explanation && <span class="play-why">{mistake.explanation}</span>}
        </li>
      ))}
    </ul>
  );
}
