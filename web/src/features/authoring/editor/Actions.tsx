// What the author does with the saved scenario: share it (publish), take it back (unpublish),
// copy it, or delete it after saying so twice.
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "wouter-preact";

import { api } from "../../../api/client";
import { t } from "../../../i18n";
import { attempt, type Answer } from "../../../ui/load";
import { isPublished } from "../model/mine";
import { handOver, type Authored } from "../scenarios/api";
import { Section } from "./fields";

interface Props {
  authored: Authored;
  title: string;
  dirty: boolean;
  onSaved: (authored: Authored) => void;
}

type Note = { text: string; bad: boolean } | null;

function DeleteControl({ id, title, onFailed }: { id: string; title: string; onFailed: (message: string) => void }) {
  const [asking, setAsking] = useState(false);
  const [working, setWorking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const [, navigate] = useLocation();
  useEffect(() => {
    if (asking) keep.current?.focus(); // the safe choice first
  }, [asking]);

  async function remove() {
    setWorking(true);
    // A deletion answers with no body: whether it worked is in the status alone.
    const call = api.DELETE("/api/v1/scenarios/{scenario_id}", { params: { path: { scenario_id: id } } });
    const outcome = await attempt(call.then(({ error, response }) => (response.ok ? { data: true } : { error })));
    setWorking(false);
    if (outcome.ok) navigate("/author");
    else {
      setAsking(false);
      onFailed(outcome.message);
    }
  }

  if (!asking) {
    return (
      <button type="button" class="authoring-danger" onClick={() => setAsking(true)}>
        {t("authoring.delete.ask")}
      </button>
    );
  }
  return (
    <div class="authoring-confirm" role="group" aria-labelledby="authoring-delete-question">
      <p id="authoring-delete-question">{t("authoring.delete.question", { title })}</p>
      <button type="button" class="authoring-danger" disabled={working} onClick={remove}>
        {t("authoring.delete.confirm")}
      </button>
      <button type="button" ref={keep} class="authoring-secondary" onClick={() => setAsking(false)}>
        {t("authoring.delete.keep")}
      </button>
    </div>
  );
}

export function Actions({ authored, title, dirty, onSaved }: Props) {
  const [note, setNote] = useState<Note>(null);
  const [working, setWorking] = useState(false);
  const [, navigate] = useLocation();
  const id = authored.summary.id;
  const published = isPublished(authored.summary);
  const params = { params: { path: { scenario_id: id } } };

  async function act(call: Promise<Answer<Authored>>, done: string, next?: (authored: Authored) => void) {
    setWorking(true);
    setNote(null);
    const outcome = await attempt(call);
    setWorking(false);
    if (!outcome.ok) return setNote({ text: outcome.message, bad: true });
    setNote({ text: done, bad: false });
    (next ?? onSaved)(outcome.data);
  }

  const publish = () => act(api.POST("/api/v1/scenarios/{scenario_id}/publish", params), t("authoring.publish.done"));
  const unpublish = () => act(api.POST("/api/v1/scenarios/{scenario_id}/unpublish", params), t("authoring.unpublish.done"));
  const duplicate = () =>
    act(api.POST("/api/v1/scenarios/{scenario_id}/duplicate", params), t("authoring.duplicate.done"), (copy) => {
      handOver(copy);
      navigate(`/author/${copy.summary.id}`);
    });

  return (
    <Section heading={t("authoring.actions.title")} level={2}>
      <p>{published ? t("authoring.visibility.publicLong") : t("authoring.visibility.privateLong")}</p>
      <div class="authoring-buttons">
        {published ? (
          <button type="button" disabled={dirty || working} onClick={unpublish}>
            {t("authoring.unpublish")}
          </button>
        ) : (
          <button type="button" disabled={dirty || working} onClick={publish}>
            {t("authoring.publish")}
          </button>
        )}
        <button type="button" class="authoring-secondary" disabled={dirty || working} onClick={duplicate}>
          {t("authoring.duplicate")}
        </button>
      </div>
      {dirty && <p class="authoring-hint">{t("authoring.saveFirst")}</p>}
      <p role="status" class="authoring-hint">
        {note && !note.bad ? note.text : ""}
      </p>
      {note?.bad && (
        <p role="alert" class="error">
          {note.text}
        </p>
      )}
      <DeleteControl id={id} title={title} onFailed={(text) => setNote({ text, bad: true })} />
    </Section>
  );
}
