import { useEffect, useState } from "preact/hooks";

import { api } from "../api/client";
import type { components } from "../api/schema";
import { t } from "../i18n";
import { DIFFICULTIES, LANGUAGES, type Language } from "../i18n/names";
import { problem } from "./problem";

type Me = components["schemas"]["UserOut"];
type Change = components["schemas"]["ProfileUpdate"];

/** Only the fields that differ from the stored profile: the API announces a change only when
 * something changed, and an empty change is refused. */
export function changes(before: Me, after: Me): Change {
  const found: Change = {};
  if (after.display_name !== before.display_name) found.display_name = after.display_name;
  if ((after.native_language ?? null) !== (before.native_language ?? null)) found.native_language = (after.native_language ?? null) as Language | null;
  if (after.target_languages.join() !== before.target_languages.join()) found.target_languages = after.target_languages as Language[];
  if (after.level !== before.level) found.level = after.level as Change["level"];
  if (after.timezone !== before.timezone) found.timezone = after.timezone;
  if ((after.leaderboard_opt_in ?? false) !== (before.leaderboard_opt_in ?? false)) found.leaderboard_opt_in = after.leaderboard_opt_in;
  return found;
}

function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.("timeZone") ?? ["UTC"];
}

/** The learner's profile: name, languages, level, time zone (their streak's days), and whether
 * they appear on the weekly leaderboards. */
export function Profile() {
  const [stored, setStored] = useState<Me | null>(null);
  const [draft, setDraft] = useState<Me | null>(null);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);

  useEffect(() => {
    api
      .GET("/api/v1/me")
      .then(({ data, error }) => (data ? (setStored(data), setDraft(data)) : setMessage({ text: problem(error), bad: true })))
      .catch(() => setMessage({ text: t("error.network"), bad: true }));
  }, []);

  if (!draft || !stored) return <p aria-busy={!message}>{message?.text ?? t("loading")}</p>;
  const change = changes(stored, draft);
  const edit = (fields: Partial<Me>) => setDraft({ ...draft, ...fields });

  async function save(event: Event) {
    event.preventDefault();
    const { data, error } = await api.PATCH("/api/v1/me", { body: change }).catch(() => ({ data: undefined, error: undefined }));
    if (data) {
      setStored(data);
      setDraft(data);
      setMessage({ text: t("profile.saved"), bad: false });
    } else {
      setMessage({ text: error ? problem(error) : t("error.network"), bad: true });
    }
  }

  return (
    <main class="narrow">
      <h1>{t("profile.title")}</h1>
      <form onSubmit={save}>
        <label>
          {t("form.displayName")}
          <input required maxLength={80} value={draft.display_name} onInput={(e) => edit({ display_name: e.currentTarget.value })} />
        </label>
        <label>
          {t("profile.native")}
          <select value={draft.native_language ?? ""} onChange={(e) => edit({ native_language: e.currentTarget.value || null })}>
            <option value="">{t("profile.none")}</option>
            {LANGUAGES.map((code) => (
              <option value={code}>{t(`language.${code}`)}</option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t("profile.targets")}</legend>
          {LANGUAGES.map((code) => (
            <label class="inline">
              <input
                type="checkbox"
                checked={draft.target_languages.includes(code)}
                onChange={(e) =>
                  edit({
                    target_languages: e.currentTarget.checked
                      ? [...draft.target_languages, code]
                      : draft.target_languages.filter((language) => language !== code),
                  })
                }
              />
              {t(`language.${code}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t("profile.level")}
          <select value={draft.level} onChange={(e) => edit({ level: e.currentTarget.value })}>
            {DIFFICULTIES.map((level) => (
              <option value={level}>{t(`level.${level}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("profile.timezone")}
          <select value={draft.timezone} onChange={(e) => edit({ timezone: e.currentTarget.value })}>
            {zones().map((zone) => (
              <option value={zone}>{zone}</option>
            ))}
          </select>
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={draft.leaderboard_opt_in ?? false}
            onChange={(e) => edit({ leaderboard_opt_in: e.currentTarget.checked })}
          />
          {t("profile.leaderboard")}
        </label>
        <p role="status" class={message?.bad ? "error" : "hint"}>
          {message?.text}
        </p>
        <button type="submit" disabled={Object.keys(change).length === 0}>
          {t("profile.save")}
        </button>
      </form>
    </main>
  );
}
