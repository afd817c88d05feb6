// The documents API calls the pages make, each answering in the shape the pages show.
import { api } from "../../api/client";
import type { components, paths } from "../../api/schema";
import { t } from "../../i18n";
import { problem } from "../../pages/problem";
import { attempt, type Answer, type Outcome } from "../../ui/load";
import { progressOf, type ProgressSource } from "./progress";
import type { WordStatus } from "./words";

export type DocumentOut = components["schemas"]["DocumentOut"];
export type Material = components["schemas"]["StudyMaterialOut"];
type WordsLanguage = paths["/api/v1/words/{language}/{lemma}"]["put"]["parameters"]["path"]["language"];
export type GlossLanguage = WordsLanguage | "";

export const PAGE_SIZE = 20;

export function listDocuments(page: number) {
  return api.GET("/api/v1/content", { params: { query: { limit: PAGE_SIZE, offset: page * PAGE_SIZE } } });
}

export interface ImportFields {
  title: string;
  /** Empty for the learner's native language. */
  glossLanguage: GlossLanguage;
}

/** Sends ``file`` as multipart form data, which the client does not build itself. */
export function uploadDocument(file: File, fields: ImportFields): Promise<Outcome<DocumentOut>> {
  const form = new FormData();
  form.append("file", file, file.name);
  if (fields.title) form.append("title", fields.title);
  if (fields.glossLanguage) form.append("gloss_language", fields.glossLanguage);
  return attempt(
    api.POST("/api/v1/content", {
      // The schema calls the file a (binary) string; what travels is the form built above.
      body: { file: file.name, title: fields.title, gloss_language: fields.glossLanguage },
      bodySerializer: () => form,
    }),
  );
}

/** Sends pasted text, or a web page's source for the API to read like an uploaded page. */
export function pasteDocument(text: string, isPage: boolean, fields: ImportFields): Promise<Outcome<DocumentOut>> {
  const common = { title: fields.title, gloss_language: fields.glossLanguage || null };
  return attempt(api.POST("/api/v1/content", { body: isPage ? { ...common, url_text: text } : { ...common, text } }));
}

export function progressSource(documentId: string): ProgressSource {
  const path = { document_id: documentId };
  return {
    async events(signal) {
      const { data } = await api.GET("/api/v1/content/{document_id}/events", {
        params: { path },
        parseAs: "stream",
        headers: { Accept: "text/event-stream" },
        signal,
      });
      return data ?? null;
    },
    async current(signal) {
      const outcome = await attempt(api.GET("/api/v1/content/{document_id}", { params: { path }, signal }));
      return outcome.ok ? { ok: true, progress: progressOf(outcome.data) } : outcome;
    },
    wait(ms, signal) {
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
    },
  };
}

/** The study material, or the document itself while its job has not finished (the API answers
 * 409 until then). */
export type Study = { pending: false; material: Material } | { pending: true; document: DocumentOut };

export async function loadStudy(documentId: string): Promise<Answer<Study>> {
  const path = { document_id: documentId };
  const { data, error, response } = await api.GET("/api/v1/content/{document_id}/material", { params: { path } });
  if (data) return { data: { pending: false, material: data } };
  if (response.status !== 409) return { error };
  const document = await api.GET("/api/v1/content/{document_id}", { params: { path } });
  return document.data ? { data: { pending: true, document: document.data } } : { error: document.error };
}

export function setWordStatus(language: WordsLanguage, lemma: string, status: WordStatus) {
  return attempt(api.PUT("/api/v1/words/{language}/{lemma}", { params: { path: { language, lemma } }, body: { status } }));
}

export function saveNotes(documentId: string, notes: string) {
  return attempt(api.PUT("/api/v1/content/{document_id}/notes", { params: { path: { document_id: documentId } }, body: { notes } }));
}

/** Records a stretch of study; kept alive so that it still arrives when the page is closing. */
export async function recordStudy(documentId: string, seconds: number, progressPercent: number): Promise<boolean> {
  const outcome = await attempt(
    api.POST("/api/v1/content/{document_id}/study", {
      params: { path: { document_id: documentId } },
      body: { seconds, progress_percent: progressPercent },
      keepalive: true,
    }),
  );
  return outcome.ok;
}

export async function deleteDocument(documentId: string): Promise<Outcome<null>> {
  try {
    const { error, response } = await api.DELETE("/api/v1/content/{document_id}", { params: { path: { document_id: documentId } } });
    return response.ok ? { ok: true, data: null } : { ok: false, message: problem(error) };
  } catch {
    return { ok: false, message: t("error.network") };
  }
}
