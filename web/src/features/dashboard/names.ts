// The API names skills and categories by code; the reader sees them in their own language. A
// code this client does not know yet is shown as it came rather than hidden.
import { t } from "../../i18n";
import { en, type MessageKey } from "../../i18n/en";

function named(prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return key in en ? t(key as MessageKey) : code.replace(/_/g, " ");
}

export function skillName(code: string): string {
  return named("dashboard.skill.", code);
}

export function categoryName(code: string): string {
  return named("dashboard.category.", code);
}

export function languageName(code: string): string {
  return named("language.", code);
}
