// /documents: the learner's documents, a page at a time, and the form to import another.
import { useState } from "preact/hooks";
import { Link } from "wouter-preact";

import { t } from "../../i18n";
import { Empty, Shown, useLoad } from "../../ui/load";
import "./documents.css";
import { displayTitle, facts, formatDate } from "./format";
import { ImportForm } from "./ImportForm";
import { listDocuments, PAGE_SIZE, type DocumentOut } from "./requests";

/** Where the document stands: ready (and how far the learner got), its job's stage, or why it failed. */
function standing(document: DocumentOut): string {
  if (document.stage === "done") {
    return t("documents.list.ready", { mastery: t(`documents.mastery.${document.mastery}`), percent: document.progress_percent });
  }
  if (document.stage === "failed") return t("documents.progress.failed", { reason: document.failure_reason || t("error.unknown") });
  return t("documents.progress.stage", { stage: t(`documents.stage.${document.stage}`), percent: document.percent });
}

function DocumentItem({ document }: { document: DocumentOut }) {
  return (
    <li class={`documents-item documents-item-${document.stage}`}>
      <h3>
        <Link href={`/documents/${document.id}`}>{displayTitle(document)}</Link>
      </h3>
      <p class="documents-note">
        {facts(document)} · {t("documents.list.imported", { date: formatDate(document.created_at) })}
      </p>
      <p class={document.stage === "failed" ? "error" : "documents-standing"}>{standing(document)}</p>
    </li>
  );
}

function Pages({ page, total, go }: { page: number; total: number; go: (page: number) => void }) {
  const count = Math.ceil(total / PAGE_SIZE);
  if (count <= 1 && page === 0) return null;
  return (
    <nav class="documents-pages" aria-label={t("documents.list.pages")}>
      <button type="button" disabled={page === 0} onClick={() => go(page - 1)}>
        {t("documents.list.previous")}
      </button>
      <span>{t("documents.list.page", { page: page + 1, count })}</span>
      <button type="button" disabled={page >= count - 1} onClick={() => go(page + 1)}>
        {t("documents.list.next")}
      </button>
    </nav>
  );
}

export function DocumentsPage() {
  const [page, setPage] = useState(0);
  const [load, reload] = useLoad(() => listDocuments(page), [page]);
  return (
    <main class="documents">
      <h1>{t("documents.title")}</h1>
      <p>{t("documents.intro")}</p>
      <ImportForm onImported={reload} />
      <section aria-labelledby="documents-list-heading">
        <h2 id="documents-list-heading">{t("documents.list.title")}</h2>
        <Shown load={load} retry={reload}>
          {({ documents, total }) =>
            total === 0 ? (
              <Empty>
                <p>{t("documents.list.empty")}</p>
                <p>{t("documents.list.emptyKinds")}</p>
              </Empty>
            ) : (
              <>
                <p class="documents-note">{t("documents.list.total", { total })}</p>
                <ul class="documents-list">
                  {documents.map((document) => (
                    <DocumentItem key={document.id} document={document} />
                  ))}
                </ul>
                <Pages page={page} total={total} go={setPage} />
              </>
            )
          }
        </Shown>
      </section>
    </main>
  );
}
