// What the learner may import, checked before anything is sent: a file's size and a pasted text's
// length. A file's type is left to the API, which reads it from the file's bytes, not its name.
import type { MessageKey } from "../../i18n/en";

/** The kinds the picker offers (the API tells the real kind from the bytes). */
export const ACCEPTED_TYPES = [".txt", ".md", ".html", ".pdf", ".docx", ".epub", ".srt", ".vtt"] as const;
/** The API's limit: 20 MiB. */
export const MAX_FILE_BYTES = 20 * 2 ** 20;
export const MAX_PASTED_CHARS = 5_000_000;

export interface Problem {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** ``bytes`` in megabytes (of 2^20 bytes, as the limit counts them), to one decimal. */
export function megabytes(bytes: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(bytes / 2 ** 20);
}

/** What stops ``file`` from being imported, or null when it can be sent. */
export function fileProblem(file: { name: string; size: number } | null, lang: string): Problem | null {
  if (!file) return { key: "documents.file.none", params: {} };
  if (file.size === 0) return { key: "documents.file.empty", params: { name: file.name } };
  if (file.size > MAX_FILE_BYTES) {
    return { key: "documents.file.tooBig", params: { name: file.name, size: megabytes(file.size, lang), limit: megabytes(MAX_FILE_BYTES, lang) } };
  }
  return null;
}

/** What stops ``text`` from being imported, or null when it can be sent. */
export function pastedProblem(text: string, lang: string): Problem | null {
  if (text.trim() === "") return { key: "documents.paste.none", params: {} };
  if (text.length > MAX_PASTED_CHARS) {
    const count = (n: number) => new Intl.NumberFormat(lang).format(n);
    return { key: "documents.paste.tooLong", params: { count: count(text.length), limit: count(MAX_PASTED_CHARS) } };
  }
  return null;
}
