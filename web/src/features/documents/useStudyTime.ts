// Records the time the learner spends on a document's study page, and how far through it they
// are: every few minutes, when the page is hidden, and when they leave it.
import { useEffect, useRef } from "preact/hooks";

import { recordStudy } from "./requests";
import { giveBack, pauseClock, RECORD_EVERY_MS, resumeClock, startClock, takeSeconds } from "./study";

/** ``progress`` answers how far through the document the learner is, in percent, when asked.
 * Answers ``stop``, for when the document is deleted and there is nothing left to record. */
export function useStudyTime(documentId: string, progress: () => number): () => void {
  const percent = useRef(progress);
  percent.current = progress;
  const stopped = useRef(false);

  useEffect(() => {
    let clock = startClock(Date.now());

    function record() {
      if (stopped.current) return;
      const taken = takeSeconds(clock, Date.now());
      clock = taken.clock;
      if (taken.seconds < 1) return;
      recordStudy(documentId, taken.seconds, percent.current()).then((ok) => {
        if (!ok) clock = giveBack(clock, taken.seconds);
      });
    }

    function onVisibility() {
      if (document.visibilityState === "hidden") {
        record(); // the page may never be shown again: the tab may be closing
        clock = pauseClock(clock, Date.now());
      } else {
        clock = resumeClock(clock, Date.now());
      }
    }

    const timer = setInterval(record, RECORD_EVERY_MS);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
      record();
    };
  }, [documentId]);

  return () => {
    stopped.current = true;
  };
}
