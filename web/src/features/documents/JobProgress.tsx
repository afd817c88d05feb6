// A document's import job as it goes: a progress bar, its stage in words, and why it failed.
import { useEffect, useRef, useState } from "preact/hooks";

import { t } from "../../i18n";
import { Failure } from "../../ui/load";
import { follow, type Progress } from "./progress";
import { progressSource } from "./requests";

/** Follows the job from its event stream until it settles; ``retry`` follows it again after
 * the API stopped answering. */
function useJob(documentId: string, initial: Progress | null, onDone: () => void) {
  const [progress, setProgress] = useState<Progress | null>(initial);
  const [trouble, setTrouble] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const controller = new AbortController();
    setTrouble(null);
    follow(progressSource(documentId), setProgress, controller.signal).then((result) => {
      if (controller.signal.aborted || !result) return;
      if (!result.ok) setTrouble(result.message);
      else if (result.progress.stage === "done") done.current();
    });
    return () => controller.abort();
  }, [documentId, round]);

  return { progress, trouble, retry: () => setRound((n) => n + 1) };
}

export function JobProgress({ documentId, title, initial = null, onDone }: { documentId: string; title: string; initial?: Progress | null; onDone: () => void }) {
  const { progress, trouble, retry } = useJob(documentId, initial, onDone);
  const barId = `documents-progress-${documentId}`;
  const failed = progress?.stage === "failed";
  return (
    <div class="documents-job">
      <label for={barId}>{t("documents.progress.label", { title })}</label>
      {/* Without a value the bar shows that work is under way before the first event arrives. */}
      <progress id={barId} max={100} value={progress?.percent}>
        {progress ? `${progress.percent}%` : t("documents.stage.queued")}
      </progress>
      {/* Only the stage is announced: every percent would be too much to listen to. */}
      <p class="documents-stage">
        <span role="status">{progress && !failed ? t(`documents.stage.${progress.stage}`) : ""}</span>
        {progress && !failed && <span class="documents-note"> {t("documents.progress.percent", { percent: progress.percent })}</span>}
      </p>
      {failed && (
        <div role="alert" class="failure">
          <p class="error">{t("documents.progress.failed", { reason: progress.failureReason || t("error.unknown") })}</p>
          <p class="documents-note">{t("documents.progress.failedHint")}</p>
        </div>
      )}
      {trouble && <Failure message={trouble} retry={retry} />}
    </div>
  );
}
