// The API names skills by code; the reader sees them in their own language. A code this client
// does not know yet is shown as it came rather than hidden.
import { t } from "../../i18n";
import { en, type MessageKey } from "../../i18n/en";

export function skillName(code: string): string {
  const key = `dashboard.skill.${code}`;
  return key in en ? t(key as MessageKey) : code.replace(/_/g, " ");
}
