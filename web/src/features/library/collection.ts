// The edits of a collection's details: only what changed is sent.
import { isCategory, isDifficulty, type Category, type Difficulty } from "../../i18n/names";
import type { Collection, CollectionChange } from "./types";

export interface DetailsDraft {
  name: string;
  description: string;
  category: Category | null;
  difficulty: Difficulty | null;
  learning_path: boolean;
}

/** The collection's details as the edit form starts them (the API's empty strings as "none"). */
export function detailsOf(collection: Collection): DetailsDraft {
  return {
    name: collection.name,
    description: collection.description,
    category: isCategory(collection.category) ? collection.category : null,
    difficulty: isDifficulty(collection.difficulty) ? collection.difficulty : null,
    learning_path: collection.learning_path,
  };
}

/** The body of PATCH /collections/{id}: the fields that differ, null to clear a category or a
 * level. Empty when nothing changed, so nothing need be sent. */
export function detailsChange(before: DetailsDraft, after: DetailsDraft): CollectionChange {
  const change: CollectionChange = {};
  const name = after.name.trim();
  if (name !== before.name) change.name = name;
  if (after.description !== before.description) change.description = after.description;
  if (after.category !== before.category) change.category = after.category;
  if (after.difficulty !== before.difficulty) change.difficulty = after.difficulty;
  if (after.learning_path !== before.learning_path) change.learning_path = after.learning_path;
  return change;
}
