// Where a scenario's or a document's own page lets the learner organise it: bookmark it, put it
// in a collection, tag it — the library's entry points, next to the thing itself.
import { t } from "../../i18n";
import { AddToCollection } from "./AddToCollection";
import { BookmarkButton } from "./BookmarkButton";
import { TagEditor } from "./TagEditor";
import type { ItemKind } from "./types";
import "./library.css";

export function KeepIt({ kind, id }: { kind: ItemKind; id: string }) {
  return (
    <section class="library-keep" aria-labelledby={`library-keep-${id}`}>
      <h2 id={`library-keep-${id}`}>{t("library.keep.title")}</h2>
      <BookmarkButton kind={kind} id={id} />
      <AddToCollection kind={kind} id={id} />
      <TagEditor kind={kind} id={id} />
    </section>
  );
}
