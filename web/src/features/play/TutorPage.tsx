// /tutor: which persona plays the tutor in every run, chosen from those the API offers.
import { useState } from "preact/hooks";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { attempt, Empty, Shown, useLoad, type Answer } from "../../ui/load";
import { choice, type Persona, type Preference } from "./tutor";
import "./play.css";

interface Tutors {
  personas: Persona[];
  defaultType: string;
  preference: Preference;
}

async function loadTutors(): Promise<Answer<Tutors>> {
  const [list, mine] = await Promise.all([api.GET("/api/v1/personas"), api.GET("/api/v1/me/persona")]);
  if (!list.data) return { error: list.error };
  if (!mine.data) return { error: mine.error };
  return { data: { personas: list.data.personas, defaultType: list.data.default_type, preference: mine.data } };
}

export function TutorPage() {
  const [load, reload, replace] = useLoad(loadTutors, []);
  return (
    <main>
      <h1>{t("play.tutor.title")}</h1>
      <p>{t("play.tutor.intro")}</p>
      <Shown load={load} retry={reload}>
        {(tutors) =>
          tutors.personas.length === 0 ? (
            <Empty>
              <p>{t("play.tutor.empty")}</p>
            </Empty>
          ) : (
            <Choice tutors={tutors} onSaved={(preference) => replace({ ...tutors, preference })} />
          )
        }
      </Shown>
    </main>
  );
}

function Choice({ tutors, onSaved }: { tutors: Tutors; onSaved: (preference: Preference) => void }) {
  const { personas, defaultType, preference } = tutors;
  const [selected, setSelected] = useState(preference.persona.type);
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);

  async function save(call: Promise<Answer<Preference>>, said: (name: string) => string) {
    setWorking(true);
    setMessage(null);
    const outcome = await attempt(call);
    setWorking(false);
    if (!outcome.ok) return setMessage({ text: outcome.message, bad: true });
    setSelected(outcome.data.persona.type);
    onSaved(outcome.data);
    setMessage({ text: said(outcome.data.persona.name), bad: false });
  }

  function choose(event: Event) {
    event.preventDefault();
    void save(api.PUT("/api/v1/me/persona", { body: choice(selected, preference) }), (name) => t("play.tutor.saved", { name }));
  }

  function reset() {
    void save(api.DELETE("/api/v1/me/persona"), (name) => t("play.tutor.reset", { name }));
  }

  return (
    <form onSubmit={choose}>
      <p>
        {t(preference.is_default ? "play.tutor.currentDefault" : "play.tutor.current", { name: preference.persona.name })}
      </p>
      <fieldset class="play-personas">
        <legend>{t("play.tutor.choose")}</legend>
        {personas.map((persona) => (
          <PersonaOption persona={persona} isDefault={persona.type === defaultType} checked={persona.type === selected} onPick={setSelected} />
        ))}
      </fieldset>
      <p role="status" class={message?.bad ? "error" : "hint"}>
        {message?.text}
      </p>
      <div class="play-buttons">
        <button type="submit" disabled={working || selected === preference.persona.type}>
          {t("play.tutor.save")}
        </button>
        <button type="button" class="play-secondary" onClick={reset} disabled={working || preference.is_default}>
          {t("play.tutor.default")}
        </button>
      </div>
    </form>
  );
}

interface OptionProps {
  persona: Persona;
  isDefault: boolean;
  checked: boolean;
  onPick: (type: string) => void;
}

function PersonaOption({ persona, isDefault, checked, onPick }: OptionProps) {
  const id = `play-persona-${persona.type}`;
  return (
    <div class={checked ? "play-persona play-picked" : "play-persona"}>
      <input type="radio" id={id} name="persona" value={persona.type} checked={checked} aria-describedby={`${id}-about`} onChange={() => onPick(persona.type)} />
      <div>
        <label for={id}>{persona.name}</label>
        <div id={`${id}-about`} class="play-about">
          {isDefault && <p class="play-badge">{t("play.tutor.isDefault")}</p>}
          <p>{persona.description}</p>
          {persona.traits.length > 0 && <p>{t("play.tutor.traits", { traits: persona.traits.join(", ") })}</p>}
          {persona.best_for.length > 0 && <p>{t("play.tutor.bestFor", { uses: persona.best_for.join(", ") })}</p>}
        </div>
      </div>
    </div>
  );
}
