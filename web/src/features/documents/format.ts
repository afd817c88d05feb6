// How a document is named and described in the lists and headings.
import { locale, t } from "../../i18n";
import { isLanguage } from "../../i18n/names";
import type { DocumentOut } from "./requests";

export function displayTitle(document: Pick<DocumentOut, "title" | "filename">): string {
  return document.title || document.filename || t("documents.untitled");
}

/** The language's name, or nothing while the document is not analysed yet. */
export function languageName(code: string): string {
  return isLanguage(code) ? t(`language.${code}`) : code.toUpperCase();
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(locale.value, { day: "numeric", month: "short", year: "numeric" });
}

/** What is known about the document, as "PDF · Spanish · B1 · 1,234 words". */
export function facts(document: DocumentOut): string {
  const parts = [document.kind.toUpperCase(), languageName(document.language), document.level];
  if (document.word_count > 0) parts.push(t("documents.words.count", { count: new Intl.NumberFormat(locale.value).format(document.word_count) }));
  return parts.filter(Boolean).join(" · ");
}
