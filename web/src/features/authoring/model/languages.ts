// Changing a draft's languages: each language holds the whole scenario's text in it.
import type { Draft, Language, LocalText } from "./draft";

/** The draft also written in ``language``, starting as a copy of its ``from`` text, so that every
 * phase is already there to translate. Unchanged if it has ``language`` or lacks ``from``. */
export function addLanguage(draft: Draft, language: Language, from: Language): Draft {
  const source = draft.localizations[from];
  if (draft.localizations[language] || !source) return draft;
  const copy: LocalText = structuredClone(source);
  return { ...draft, localizations: { ...draft.localizations, [language]: copy } };
}

/** The draft no longer written in ``language``; a scenario keeps at least one language. */
export function removeLanguage(draft: Draft, language: Language): Draft {
  if (!draft.localizations[language] || Object.keys(draft.localizations).length <= 1) return draft;
  const { [language]: _gone, ...localizations } = draft.localizations;
  return { ...draft, localizations };
}

/** The draft with ``change`` made to its text in ``language``. */
export function changeLocal(draft: Draft, language: Language, change: (local: LocalText) => LocalText): Draft {
  const local = draft.localizations[language];
  return local ? { ...draft, localizations: { ...draft.localizations, [language]: change(local) } } : draft;
}
