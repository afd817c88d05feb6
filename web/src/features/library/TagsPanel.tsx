// The learner's tags, most used first; choose one to see what carries it.
import { useState } from "preact/hooks";
import { Link } from "wouter-preact";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { attempt, Empty, Shown, useLoad } from "../../ui/load";
import { bad, Notice, ok, type Note } from "../../ui/feedback";
import { hrefOf } from "./items";
import { PAGE_SIZE, pageOf, ShowMore, usePaged } from "./paging";
import { kindName, nameOf, ShownKept } from "./parts";
import type { TaggedItem, TagKind } from "./types";

function itemName(entry: TaggedItem): string {
  if (entry.item) return nameOf(entry.item);
  if (entry.removed) return t("library.item.removed");
  return entry.ref.kind === "collection" ? entry.collection_name || entry.ref.id : entry.ref.id;
}

function TaggedItems({ tag, untagged }: { tag: string; untagged: () => void }) {
  const [note, setNote] = useState<Note | null>(null);
  const paged = usePaged((offset) => pageOf(api.GET("/api/v1/tags/{tag}/items", { params: { path: { tag }, query: { limit: PAGE_SIZE, offset } } }), (body) => body.items), [tag]);

  async function untag(entry: TaggedItem) {
    const name = itemName(entry);
    const kind = entry.ref.kind as TagKind;
    const outcome = await attempt(api.DELETE("/api/v1/tags/items/{kind}/{item_id}/{tag}", { params: { path: { kind, item_id: entry.ref.id, tag } } }));
    if (outcome.ok && paged.load.state === "ready") {
      paged.setRows(paged.load.data.rows.filter((row) => row !== entry));
      untagged();
    }
    setNote(outcome.ok ? ok(t("library.tags.untagged", { tag, title: name })) : bad(outcome.message));
  }

  return (
    <section aria-labelledby="library-tagged-title">
      <h3 id="library-tagged-title">{t("library.tags.itemsTitle", { tag })}</h3>
      <Notice note={note} />
      <Shown load={paged.load} retry={paged.reload}>
        {({ rows }) =>
          rows.length === 0 ? (
            <Empty>
              <p>{t("library.tags.itemsEmpty")}</p>
            </Empty>
          ) : (
            <>
              <ul class="library-rows">
                {rows.map((entry) => {
                  const name = itemName(entry);
                  return (
                    <li class="library-row">
                      <h4>{entry.removed ? name : <Link href={hrefOf(entry.ref)}>{name}</Link>}</h4>
                      <p class="library-facts">
                        {kindName(entry.ref.kind)} · {t(entry.mine ? "library.tags.byYou" : "library.tags.byKeyword")}
                      </p>
                      {entry.mine && (
                        <button type="button" class="library-secondary" aria-label={t("library.tags.untagNamed", { tag, title: name })} onClick={() => untag(entry)}>
                          {t("library.tags.untag")}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
              <ShowMore paged={paged} />
            </>
          )
        }
      </Shown>
    </section>
  );
}

export function TagsPanel() {
  const [tags, reload] = useLoad(() => api.GET("/api/v1/tags", { params: { query: { limit: 100 } } }), []);
  const [chosen, setChosen] = useState<string | null>(null);

  return (
    <>
      <h2>{t("library.tab.tags")}</h2>
      <ShownKept load={tags} retry={reload}>
        {(data) =>
          data.tags.length === 0 ? (
            <Empty>
              <p>{t("library.tags.empty")}</p>
            </Empty>
          ) : (
            <ul class="library-chips" aria-label={t("library.tags.yours")}>
              {data.tags.map(({ tag, count }) => (
                <li>
                  <button type="button" class="library-chip" aria-pressed={chosen === tag} onClick={() => setChosen(tag)}>
                    {t("library.tags.count", { tag, count })}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </ShownKept>
      {chosen && <TaggedItems tag={chosen} untagged={reload} />}
    </>
  );
}
