// "Add to a collection" for a scenario or a document, for any page: pick one of your collections.
import { useState } from "preact/hooks";
import { Link } from "wouter-preact";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { attempt, Shown, useLoad } from "../../ui/load";
import { bad, Notice, ok, type Note } from "../../ui/feedback";
import type { ItemKind } from "./types";

export function AddToCollection({ kind, id }: { kind: ItemKind; id: string }) {
  const [mine, reload] = useLoad(() => api.GET("/api/v1/collections/mine", { params: { query: { limit: 100 } } }), []);
  const [chosen, setChosen] = useState("");
  const [note, setNote] = useState<Note | null>(null);
  const [working, setWorking] = useState(false);

  async function add(event: Event) {
    event.preventDefault();
    setWorking(true);
    const outcome = await attempt(api.POST("/api/v1/collections/{collection_id}/items", { params: { path: { collection_id: chosen } }, body: { kind, id } }));
    setWorking(false);
    setNote(outcome.ok ? ok(t("library.addTo.added", { name: outcome.data.name })) : bad(outcome.message));
  }

  return (
    <Shown load={mine} retry={reload}>
      {({ collections }) =>
        collections.length === 0 ? (
          <p class="library-hint-line">
            {t("library.addTo.none")} <Link href="/library">{t("library.addTo.create")}</Link>
          </p>
        ) : (
          <form class="library-inline-form" onSubmit={add}>
            <label>
              {t("library.addTo.collection")}
              <select required value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
                <option value="">{t("library.addTo.choose")}</option>
                {collections.map((collection) => (
                  <option value={collection.id}>{collection.name}</option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={working}>
              {t("library.addTo.submit")}
            </button>
            <Notice note={note} />
          </form>
        )
      }
    </Shown>
  );
}
