// The learner's own notes on the document, saved when they ask.
import { useState } from "preact/hooks";

import { t } from "../../i18n";
import { saveNotes } from "./requests";

const MAX_NOTES = 20_000;

export function Notes({ documentId, initial }: { documentId: string; initial: string }) {
  const [stored, setStored] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    const outcome = await saveNotes(documentId, draft);
    setSaving(false);
    if (outcome.ok) {
      setStored(outcome.data.notes);
      setDraft(outcome.data.notes);
      setMessage({ text: t("documents.notes.saved"), bad: false });
    } else {
      setMessage({ text: outcome.message, bad: true });
    }
  }

  return (
    <form onSubmit={save} class="documents-notes">
      <label>
        {t("documents.notes.label")}
        <textarea rows={6} maxLength={MAX_NOTES} value={draft} onInput={(e) => (setDraft(e.currentTarget.value), setMessage(null))} />
      </label>
      <p role="status" class={message?.bad ? "error" : "documents-note"}>
        {message?.text ?? (draft !== stored ? t("documents.notes.unsaved") : "")}
      </p>
      <button type="submit" disabled={saving || draft === stored}>
        {saving ? t("documents.notes.saving") : t("documents.notes.save")}
      </button>
    </form>
  );
}
