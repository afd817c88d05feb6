// Deleting a document, after the learner confirms: its study material goes with it.
import { useState } from "preact/hooks";
import { useLocation } from "wouter-preact";

import { t } from "../../i18n";
import { bad, ConfirmButton, Notice, type Note } from "../../ui/feedback";
import { deleteDocument } from "./requests";

/** ``onDeleted`` runs once the document is gone, before the learner is taken to the list. */
export function DeleteDocument({ documentId, title, onDeleted }: { documentId: string; title: string; onDeleted?: () => void }) {
  const [, navigate] = useLocation();
  const [note, setNote] = useState<Note | null>(null);

  async function remove() {
    setNote(null);
    const outcome = await deleteDocument(documentId);
    if (!outcome.ok) return setNote(bad(outcome.message));
    onDeleted?.();
    navigate("/documents");
  }

  return (
    <div class="documents-delete">
      <ConfirmButton
        label={t("documents.delete.button")}
        question={t("documents.delete.question", { title })}
        confirm={t("documents.delete.confirm")}
        cancel={t("documents.delete.cancel")}
        focus="cancel"
        onConfirm={remove}
      />
      <Notice note={note} />
    </div>
  );
}
