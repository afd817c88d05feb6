import { t } from "../i18n";

/** What to tell the learner about an error the API answered: its message says what was wrong and
 * what to do; each refused field adds its reason. */
export function problem(body: unknown): string {
  const error = (body as { error?: { message?: string; details?: Record<string, unknown> } } | undefined)?.error;
  if (!error?.message) return t("error.unknown");
  const fields = Object.entries(error.details ?? {}).map(([field, why]) => `${field}: ${String(why)}`);
  return fields.length ? `${error.message} (${fields.join("; ")})` : error.message;
}
