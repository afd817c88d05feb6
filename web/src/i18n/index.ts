import { signal } from "@preact/signals";

import { en, type MessageKey } from "./en";
import { es } from "./es";

export const CATALOGUES = { en, es } as const;
export type Locale = keyof typeof CATALOGUES;
const STORED = "parla.locale";

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORED);
  if (stored === "en" || stored === "es") return stored;
  return globalThis.navigator?.language?.startsWith("es") ? "es" : "en";
}

export const locale = signal<Locale>(initialLocale());

export function setLocale(next: Locale): void {
  locale.value = next;
  globalThis.localStorage?.setItem(STORED, next);
  if (globalThis.document) document.documentElement.lang = next;
}

/** The message ``key`` in ``lang`` (the current interface language by default), with each
 * ``{name}`` replaced by ``params.name``. */
export function t(key: MessageKey, params: Record<string, string | number> = {}, lang: Locale = locale.value): string {
  const template: string = CATALOGUES[lang][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
