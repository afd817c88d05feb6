// /play/:runId: a scenario run played with the tutor in role; once finished, what it came to.
import { useEffect, useRef, useState } from "preact/hooks";
import { Link, useParams } from "wouter-preact";

import type { components } from "../../api/schema";
import { t } from "../../i18n";
import { Shown, useLoad } from "../../ui/load";
import { loadPlay, tutorName, type Play } from "./calls";
import { Conversation } from "./Conversation";
import { Summary } from "./Summary";
import type { Run } from "./transcript";
import "./play.css";

type Standing = components["schemas"]["GamificationOut"];

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

/** ``before`` is the learner's standing read just before they finished on this page (null when it
 * could not be read); undefined for a run finished earlier, whose XP this page cannot know. */
function Played({ play }: { play: Play }) {
  const { scenario } = play;
  const [run, setRun] = useState(play.run);
  const [before, setBefore] = useState<Standing | null | undefined>(undefined);
  const [persona, setPersona] = useState<string | null>(null);
  const [endedHere, setEndedHere] = useState(false);
  useEffect(() => {
    tutorName(play.run).then(setPersona);
  }, [play.run]);

  function ended(next: Run, standing?: Standing | null) {
    setBefore(standing);
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
        <Summary run={run} scenario={scenario} before={before} />
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
