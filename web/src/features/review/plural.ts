// Messages about a count: each has a ".one" and an ".other" form in the catalogues, chosen by the
// language's plural rules ("1 card", "2 cards").
import { locale, t, type Locale } from "../../i18n";
import type { MessageKey } from "../../i18n/en";

/** The message keys that have a ".one" form, without it. */
export type Counted = { [K in MessageKey]: K extends `${infer Base}.one` ? Base : never }[MessageKey];

export function tn(base: Counted, count: number, params: Record<string, string | number> = {}, lang: Locale = locale.value): string {
  const form = new Intl.PluralRules(lang).select(count) === "one" ? "one" : "other";
  return t(`${base}.${form}` as MessageKey, { ...params, count: new Intl.NumberFormat(lang).format(count) }, lang);
}

/** A message, or a message about a count. */
export type Notice = { key: MessageKey } | { counted: Counted; count: number; params?: Record<string, string> };

export function noticeText(notice: Notice, lang: Locale = locale.value): string {
  return "key" in notice ? t(notice.key, {}, lang) : tn(notice.counted, notice.count, notice.params, lang);
}
