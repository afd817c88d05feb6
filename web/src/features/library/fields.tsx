// The collection fields the create and edit forms share.
import { t } from "../../i18n";
import { CATEGORIES, DIFFICULTIES, categoryName, difficultyName, type Category, type Difficulty } from "../../i18n/names";
import type { Collection } from "./types";

export function VisibilityChoice({ value, onChange }: { value: Collection["visibility"]; onChange: (value: Collection["visibility"]) => void }) {
  return (
    <fieldset>
      <legend>{t("library.field.visibility")}</legend>
      {(["private", "public"] as const).map((option) => (
        <label class="inline">
          <input type="radio" name="library-visibility" value={option} checked={value === option} onChange={() => onChange(option)} />
          {t(option === "public" ? "library.visibility.public" : "library.visibility.private")}
        </label>
      ))}
    </fieldset>
  );
}

export function CategorySelect({ value, onChange }: { value: Category | null; onChange: (value: Category | null) => void }) {
  return (
    <label>
      {t("library.field.category")}
      <select value={value ?? ""} onChange={(e) => onChange((e.currentTarget.value || null) as Category | null)}>
        <option value="">{t("library.field.none")}</option>
        {CATEGORIES.map((category) => (
          <option value={category}>{categoryName(category)}</option>
        ))}
      </select>
    </label>
  );
}

export function DifficultySelect({ value, onChange }: { value: Difficulty | null; onChange: (value: Difficulty | null) => void }) {
  return (
    <label>
      {t("library.field.difficulty")}
      <select value={value ?? ""} onChange={(e) => onChange((e.currentTarget.value || null) as Difficulty | null)}>
        <option value="">{t("library.field.none")}</option>
        {DIFFICULTIES.map((level) => (
          <option value={level}>{difficultyName(level)}</option>
        ))}
      </select>
    </label>
  );
}
