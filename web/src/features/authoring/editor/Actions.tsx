// What the author does with the saved scenario: share it (publish), take it back (unpublish),
// copy it, or delete it after saying so twice.
import { useState } from "preact/hooks";
import { useLocation } from "wouter-preact";

import { api } from "../../../api/client";
import { t } from "../../../i18n";
import { bad, ConfirmButton, Notice, ok, type Note } from "../../../ui/feedback";
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

/** Deletes the scenario once the author confirms; the answer has no body, so whether it worked
 * is in the status alone. */
async function deleteScenario(id: string) {
  const call = api.DELETE("/api/v1/scenarios/{scenario_id}", { params: { path: { scenario_id: id } } });
  return attempt(call.then(({ error, response }) => (response.ok ? { data: true } : { error })));
}

export function Actions({ authored, title, dirty, onSaved }: Props) {
  const [note, setNote] = useState<Note | null>(null);
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
    if (!outcome.ok) return setNote(bad(outcome.message));
    setNote(ok(done));
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
      <Notice note={note} />
      <ConfirmButton
        label={t("authoring.delete.ask")}
        question={t("authoring.delete.question", { title })}
        confirm={t("authoring.delete.confirm")}
        cancel={t("authoring.delete.keep")}
        focus="cancel"
        onConfirm={async () => {
          const outcome = await deleteScenario(id);
          if (outcome.ok) navigate("/author");
          else setNote(bad(outcome.message));
        }}
      />
    </Section>
  );
}
