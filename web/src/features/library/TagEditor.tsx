// The learner's tags on a scenario, a document or a collection, for any page: add and remove them.
import { useState } from "preact/hooks";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { attempt, Shown, useLoad, type Answer } from "../../ui/load";
import { bad, Notice, ok, type Note } from "../../ui/feedback";
import { splitTags } from "./tags";
import type { TagKind } from "./types";

export function TagEditor({ kind, id }: { kind: TagKind; id: string }) {
  const path = { params: { path: { kind, item_id: id } } };
  const [tags, reload, replace] = useLoad(() => api.GET("/api/v1/tags/items/{kind}/{item_id}", path), [kind, id]);
  const [text, setText] = useState("");
  const [note, setNote] = useState<Note | null>(null);

  async function change<T extends Parameters<typeof replace>[0]>(call: Promise<Answer<T>>, success: string) {
    const outcome = await attempt(call);
    if (outcome.ok) replace(outcome.data);
    setNote(outcome.ok ? ok(success) : bad(outcome.message));
    return outcome.ok;
  }

  async function add(event: Event) {
    event.preventDefault();
    const added = splitTags(text);
    if (await change(api.POST("/api/v1/tags/items/{kind}/{item_id}", { ...path, body: { tags: added } }), t("library.tags.added", { tags: added.join(", ") }))) setText("");
  }

  const remove = (tag: string) =>
    change(api.DELETE("/api/v1/tags/items/{kind}/{item_id}/{tag}", { params: { path: { kind, item_id: id, tag } } }), t("library.tags.removedOne", { tag }));

  return (
    <div class="library-widget">
      <Shown load={tags} retry={reload}>
        {({ mine }) =>
          mine.length === 0 ? (
            <p class="library-hint-line">{t("library.tags.noneHere")}</p>
          ) : (
            <ul class="library-tags" aria-label={t("library.tags.yours")}>
              {mine.map((tag) => (
                <li class="library-tag">
                  <span>{tag}</span>
                  <button type="button" class="library-tag-remove" aria-label={t("library.tags.removeNamed", { tag })} onClick={() => remove(tag)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Shown>
      <form class="library-inline-form" onSubmit={add}>
        <label>
          {t("library.tags.add")}
          <input required maxLength={1000} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-describedby={`library-tags-hint-${kind}-${id}`} />
        </label>
        <button type="submit">{t("library.tags.addSubmit")}</button>
        <p class="library-hint-line" id={`library-tags-hint-${kind}-${id}`}>
          {t("library.tags.hint")}
        </p>
      </form>
      <Notice note={note} />
    </div>
  );
}
