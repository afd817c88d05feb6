// Deleting a document, after the learner confirms: its study material goes with it.
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "wouter-preact";

import { t } from "../../i18n";
import { deleteDocument } from "./requests";

/** ``onDeleted`` runs once the document is gone, before the learner is taken to the list. */
export function DeleteDocument({ documentId, title, onDeleted }: { documentId: string; title: string; onDeleted?: () => void }) {
  const [, navigate] = useLocation();
  const [asking, setAsking] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [trouble, setTrouble] = useState("");
  const cancel = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    // Focus goes to the safe choice when asked, and back to the button when the question goes.
    if (asking) cancel.current?.focus();
    else if (asked.current) ask.current?.focus();
    asked.current = asking;
  }, [asking]);

  async function confirm() {
    setDeleting(true);
    setTrouble("");
    const outcome = await deleteDocument(documentId);
    setDeleting(false);
    if (!outcome.ok) return setTrouble(outcome.message);
    onDeleted?.();
    navigate("/documents");
  }

  return (
    <div class="documents-delete">
      {asking ? (
        <div class="documents-confirm">
          <p>{t("documents.delete.question", { title })}</p>
          <div class="documents-actions">
            <button type="button" class="documents-danger" disabled={deleting} onClick={confirm}>
              {deleting ? t("documents.delete.deleting") : t("documents.delete.confirm")}
            </button>
            <button type="button" class="documents-secondary" ref={cancel} onClick={() => setAsking(false)}>
              {t("documents.delete.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="documents-danger" ref={ask} onClick={() => setAsking(true)}>
          {t("documents.delete.button")}
        </button>
      )}
      <div role="alert">{trouble && <p class="error">{trouble}</p>}</div>
    </div>
  );
}
