// The form that makes a new collection, then opens it.
import { useState } from "preact/hooks";
import { useLocation } from "wouter-preact";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { attempt } from "../../ui/load";
import { bad, Notice, type Note } from "../../ui/feedback";
import type { DetailsDraft } from "./collection";
import { DetailsFields, VisibilityChoice } from "./fields";
import { useDisclosureFocus } from "./parts";
import type { Collection } from "./types";

interface Draft extends DetailsDraft {
  visibility: Collection["visibility"];
}

const BLANK: Draft = { name: "", description: "", visibility: "private", category: null, difficulty: null, learning_path: false };

export function CreateCollection() {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(BLANK);
  const [note, setNote] = useState<Note | null>(null);
  const [working, setWorking] = useState(false);
  const [, navigate] = useLocation();
  const edit = (fields: Partial<Draft>) => setDraft({ ...draft, ...fields });
  const { opener, field } = useDisclosureFocus(open);

  async function create(event: Event) {
    event.preventDefault();
    setWorking(true);
    const outcome = await attempt(api.POST("/api/v1/collections", { body: { ...draft, name: draft.name.trim() } }));
    setWorking(false);
    if (outcome.ok) navigate(`/collections/${outcome.data.id}`);
    else setNote(bad(outcome.message));
  }

  if (!open) {
    return (
      <button type="button" ref={opener} onClick={() => setOpen(true)}>
        {t("library.create.open")}
      </button>
    );
  }
  return (
    <form class="library-panel-form" onSubmit={create} aria-labelledby="library-create-title">
      <h3 id="library-create-title">{t("library.create.title")}</h3>
      <DetailsFields draft={draft} edit={edit} field={field}>
        <VisibilityChoice value={draft.visibility} onChange={(visibility) => edit({ visibility })} />
      </DetailsFields>
      <Notice note={note} />
      <div class="library-actions">
        <button type="submit" disabled={working}>
          {working ? t("library.working") : t("library.create.submit")}
        </button>
        <button type="button" class="library-secondary" onClick={() => (setOpen(false), setDraft(BLANK), setNote(null))}>
          {t("library.cancel")}
        </button>
      </div>
    </form>
  );
}
