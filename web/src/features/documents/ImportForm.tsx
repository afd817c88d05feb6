// Importing a document: a file from the learner's device, or text they paste; then its job's
// progress until the study page is ready.
import { useState } from "preact/hooks";
import { useLocation } from "wouter-preact";

import { locale, t } from "../../i18n";
import { LANGUAGES, languageName } from "../../i18n/names";
import { ACCEPTED_TYPES, fileProblem, MAX_PASTED_CHARS, pastedProblem, type Problem } from "./files";
import { displayTitle } from "./format";
import { JobProgress } from "./JobProgress";
import { pasteDocument, uploadDocument, type DocumentOut, type GlossLanguage } from "./requests";

type Source = "file" | "paste";

function say(found: Problem): string {
  return t(found.key, found.params);
}

export function ImportForm({ onImported }: { onImported: () => void }) {
  const [, navigate] = useLocation();
  const [source, setSource] = useState<Source>("file");
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [isPage, setIsPage] = useState(false);
  const [title, setTitle] = useState("");
  const [gloss, setGloss] = useState<GlossLanguage>("");
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [imported, setImported] = useState<DocumentOut | null>(null);
  const [round, setRound] = useState(0);

  function pick(chosen: File | null) {
    setFile(chosen);
    setImported(null);
    // Said at once, so a file too big is known before the learner fills in the rest.
    const found = chosen && fileProblem(chosen, locale.value);
    setRefusal(found ? say(found) : null);
  }

  function switchTo(next: Source) {
    setSource(next);
    setFile(null); // the file input goes away with its choice
    setRefusal(null);
  }

  async function submit(event: Event) {
    event.preventDefault();
    const found = source === "file" ? fileProblem(file, locale.value) : pastedProblem(text, locale.value);
    if (found) return setRefusal(say(found));
    setSending(true);
    setRefusal(null);
    setImported(null);
    const fields = { title: title.trim(), glossLanguage: gloss };
    const outcome = source === "file" && file ? await uploadDocument(file, fields) : await pasteDocument(text, isPage, fields);
    setSending(false);
    if (!outcome.ok) return setRefusal(outcome.message);
    setImported(outcome.data);
    // A fresh form, so the same document is not sent twice by mistake.
    setFile(null);
    setText("");
    setTitle("");
    setRound((n) => n + 1);
    onImported();
  }

  return (
    <section class="documents-import" aria-labelledby="documents-import-heading">
      <h2 id="documents-import-heading">{t("documents.import.title")}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t("documents.import.source")}</legend>
          <label class="inline">
            <input type="radio" name="documents-source" checked={source === "file"} onChange={() => switchTo("file")} />
            {t("documents.import.fromFile")}
          </label>
          <label class="inline">
            <input type="radio" name="documents-source" checked={source === "paste"} onChange={() => switchTo("paste")} />
            {t("documents.import.fromText")}
          </label>
        </fieldset>
        {source === "file" ? (
          <div class="documents-field">
            <label>
              {t("documents.import.file")}
              <input key={round} type="file" accept={ACCEPTED_TYPES.join(",")} aria-describedby="documents-file-hint" onChange={(e) => pick(e.currentTarget.files?.[0] ?? null)} />
            </label>
            <p id="documents-file-hint" class="documents-note">
              {t("documents.import.fileHint")}
            </p>
          </div>
        ) : (
          <>
            <label>
              {t("documents.import.text")}
              <textarea rows={8} maxLength={MAX_PASTED_CHARS} value={text} onInput={(e) => setText(e.currentTarget.value)} />
            </label>
            <label class="inline">
              <input type="checkbox" checked={isPage} onChange={(e) => setIsPage(e.currentTarget.checked)} />
              {t("documents.import.isPage")}
            </label>
          </>
        )}
        <label>
          {t("documents.import.name")}
          <input maxLength={255} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <label>
          {t("documents.import.gloss")}
          <select value={gloss} onChange={(e) => setGloss(e.currentTarget.value as GlossLanguage)}>
            <option value="">{t("documents.import.glossNative")}</option>
            {LANGUAGES.map((code) => (
              <option value={code}>{languageName(code)}</option>
            ))}
          </select>
        </label>
        <div role="alert">{refusal && <p class="error">{refusal}</p>}</div>
        <button type="submit" disabled={sending}>
          {sending ? t("documents.import.sending") : t("documents.import.submit")}
        </button>
      </form>
      {imported && (
        <JobProgress key={imported.id} documentId={imported.id} title={displayTitle(imported)} onDone={() => navigate(`/documents/${imported.id}`)} />
      )}
    </section>
  );
}
