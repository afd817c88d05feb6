// /play/:runId: a scenario run played with the tutor in role; once finished, what it came to.
import { useEffect, useRef, useState } from "preact/hooks";
import { Link, useParams } from "wouter-preact";

import { t } from "../../i18n";
import { Shown, useLoad } from "../../ui/load";
import { loadPlay, tutorName, type Play } from "./calls";
import { Conversation } from "./Conversation";
import { Summary } from "./Summary";
import type { Run } from "./transcript";
import "./play.css";

export function PlayPage() {
  const { runId } = useParams<{ runId: string }>();
  const [load, reload] = useLoad(() => loadPlay(runId), [runId]);
  if (load.state !== "ready") {
    return (
      <main class="play">
        <h1>{t("play.title")}</h1>
        <Shown load={load} retry={reload}>
          {() => null}
        </Shown>
      </main>
    );
  }
  return <Played key={runId} play={load.data} />;
}

function Played({ play }: { play: Play }) {
  const { scenario } = play;
  const [run, setRun] = useState(play.run);
  const [persona, setPersona] = useState<string | null>(null);
  // Ended on this page: what replaced the controls the learner was using takes the focus, and
  // what finishing brings (XP, cards) may not be counted yet.
  const [endedHere, setEndedHere] = useState(false);
  useEffect(() => {
    tutorName(play.run).then(setPersona);
  }, [play.run]);

  function ended(next: Run) {
    setEndedHere(true);
    setRun(next);
  }

  const tutor = persona ?? t("play.tutor");
  const roles = { learner: scenario.learner_role, tutor: scenario.tutor_role, name: persona ?? "" };
  return (
    <main class="play">
      <h1>{scenario.summary.title}</h1>
      <p class="play-scene">{scenario.setting}</p>
      <p class="play-roles">
        {t(persona ? "play.roles" : "play.roles.unnamed", roles)}
      </p>
      {run.status === "completed" ? (
        <Summary run={run} scenario={scenario} justFinished={endedHere} />
      ) : run.status === "abandoned" ? (
        <Abandoned focus={endedHere} />
      ) : (
        <Conversation run={run} scenario={scenario} tutor={tutor} onEnded={ended} />
      )}
    </main>
  );
}

/** ``focus``: the run was abandoned on this page, whose controls the learner was using are gone. */
function Abandoned({ focus }: { focus: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <section class="play-ended" aria-labelledby="play-abandoned">
      <h2 id="play-abandoned" tabIndex={-1} ref={heading}>
        {t("play.abandoned.title")}
      </h2>
      <p>{t("play.abandoned.text")}</p>
      <Link href="/discover">{t("play.next.discover")}</Link>
    </section>
  );
}
