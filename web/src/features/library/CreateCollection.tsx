// The form that makes a new collection, then opens it.
import { useState } from "preact/hooks";
import { useLocation } from "wouter-preact";

import { api } from "../../api/client";
import { t } from "../../i18n";
import type { Category, Difficulty } from "../../i18n/names";
import { attempt } from "../../ui/load";
import { bad, Notice, type Note } from "../../ui/feedback";
import { CategorySelect, DifficultySelect, VisibilityChoice } from "./fields";
import { useDisclosureFocus } from "./parts";
import type { Collection } from "./types";

interface Draft {
  name: string;
  description: string;
  visibility: Collection["visibility"];
  category: Category | null;
  difficulty: Difficulty | null;
  learning_path: boolean;
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
      <label>
        {t("library.field.name")}
        <input ref={field} required minLength={3} maxLength={255} value={draft.name} onInput={(e) => edit({ name: e.currentTarget.value })} />
      </label>
      <label>
        {t("library.field.description")}
        <textarea maxLength={2000} rows={3} value={draft.description} onInput={(e) => edit({ description: e.currentTarget.value })} />
      </label>
      <VisibilityChoice value={draft.visibility} onChange={(visibility) => edit({ visibility })} />
      <CategorySelect value={draft.category} onChange={(category) => edit({ category })} />
      <DifficultySelect value={draft.difficulty} onChange={(difficulty) => edit({ difficulty })} />
      <label class="inline">
        <input type="checkbox" checked={draft.learning_path} onChange={(e) => edit({ learning_path: e.currentTarget.checked })} />
        {t("library.field.learningPath")}
      </label>
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
