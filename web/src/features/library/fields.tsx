// The collection fields the create and edit forms share.
import type { ComponentChildren, RefObject } from "preact";

import { t } from "../../i18n";
import { CATEGORIES, DIFFICULTIES, categoryName, difficultyName, type Category, type Difficulty } from "../../i18n/names";
import type { DetailsDraft } from "./collection";
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

interface DetailsProps {
  draft: DetailsDraft;
  edit: (fields: Partial<DetailsDraft>) => void;
  /** The name's input, focused when the form opens. */
  field: RefObject<HTMLInputElement>;
  /** What goes after the description (the create form's visibility). */
  children?: ComponentChildren;
}

/** Name, description, category, level and learning path: a collection's details, in both forms. */
export function DetailsFields({ draft, edit, field, children }: DetailsProps) {
  return (
    <>
      <label>
        {t("library.field.name")}
        <input ref={field} required minLength={3} maxLength={255} value={draft.name} onInput={(e) => edit({ name: e.currentTarget.value })} />
      </label>
      <label>
        {t("library.field.description")}
        <textarea maxLength={2000} rows={3} value={draft.description} onInput={(e) => edit({ description: e.currentTarget.value })} />
      </label>
      {children}
      <CategorySelect value={draft.category} onChange={(category) => edit({ category })} />
      <DifficultySelect value={draft.difficulty} onChange={(difficulty) => edit({ difficulty })} />
      <label class="inline">
        <input type="checkbox" checked={draft.learning_path} onChange={(e) => edit({ learning_path: e.currentTarget.checked })} />
        {t("library.field.learningPath")}
      </label>
    </>
  );
}
