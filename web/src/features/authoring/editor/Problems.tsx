// Why the last save was refused, as the API said it: its message, then each field it named, with a
// way to reach that field (showing its language first when another one is being edited).
import { useEffect, useRef } from "preact/hooks";

import { t } from "../../../i18n";
import { languageName } from "../../../i18n/names";
import type { Draft, Language } from "../model/draft";
import { fieldId, languageOfPath, type Refusal } from "../model/fieldErrors";
import { where } from "../model/where";

interface Props {
  refusal: Refusal;
  draft: Draft;
  language: Language;
  onLanguage: (language: Language) => void;
}

function reach(path: string) {
  const field = document.getElementById(fieldId(path));
  field?.scrollIntoView({ block: "center" });
  field?.focus();
}

function Way({ path, language, onLanguage }: { path: string; language: Language; onLanguage: Props["onLanguage"] }) {
  const other = languageOfPath(path);
  if (other && other !== language) {
    return (
      <button
        type="button"
        class="link"
        onClick={() => {
          onLanguage(other as Language);
          requestAnimationFrame(() => reach(path)); // once the fields of that language are shown
        }}
      >
        {t("authoring.problems.showLanguage", { language: languageName(other) })}
      </button>
    );
  }
  return (
    <a
      href={`#${fieldId(path)}`}
      onClick={(event) => {
        event.preventDefault();
        reach(path);
      }}
    >
      {t("authoring.problems.goTo")}
    </a>
  );
}

export function Problems({ refusal, draft, language, onLanguage }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // A refused save moves the keyboard here, so the problems are read out and each is one Tab away.
  useEffect(() => box.current?.focus(), [refusal]);
  const placed = Object.entries(refusal.byField);
  return (
    <div ref={box} class="authoring-problems" role="alert" tabIndex={-1}>
      <h2>{t("authoring.problems.title")}</h2>
      <p>{refusal.message}</p>
      {(placed.length > 0 || refusal.unplaced.length > 0) && (
        <ul>
          {placed.map(([path, message]) => (
            <li>
              <strong>{where(path, draft)}</strong>: {message} <Way path={path} language={language} onLanguage={onLanguage} />
            </li>
          ))}
          {refusal.unplaced.map(({ path, message }) => (
            <li>
              <strong>{where(path, draft)}</strong>: {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
