// A bookmark toggle for a scenario or a document, for any page: pressed while it is bookmarked.
import { useState } from "preact/hooks";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { attempt, Failure, useLoad } from "../../ui/load";
import { bad, Notice, ok, type Note } from "../../ui/feedback";
import type { ItemKind } from "./types";

function checkQuery(kind: ItemKind, id: string) {
  return kind === "scenario" ? { scenario: [id] } : { document: [id] };
}

export function BookmarkButton({ kind, id }: { kind: ItemKind; id: string }) {
  const [check, reload] = useLoad(() => api.GET("/api/v1/bookmarks/check", { params: { query: checkQuery(kind, id) } }), [kind, id]);
  const [toggled, setToggled] = useState<boolean | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [working, setWorking] = useState(false);

  if (check.state === "failed") return <Failure message={check.message} retry={reload} />;
  const known = check.state === "ready" ? (check.data.bookmarked ?? []).some((ref) => ref.kind === kind && ref.id === id) : false;
  const bookmarked = toggled ?? known;

  async function toggle() {
    setWorking(true);
    const outcome = await attempt(api.POST("/api/v1/bookmarks/toggle", { body: { kind, id } }));
    setWorking(false);
    if (!outcome.ok) return setNote(bad(outcome.message));
    setToggled(outcome.data.bookmarked);
    setNote(ok(t(outcome.data.bookmarked ? "library.bookmarkButton.added" : "library.bookmarkButton.removed")));
  }

  return (
    <div class="library-widget">
      <button type="button" class="library-toggle" aria-pressed={bookmarked} disabled={check.state === "loading" || working} onClick={toggle}>
        <span aria-hidden="true">{bookmarked ? "★" : "☆"}</span> {t("library.bookmarkButton.label")}
      </button>
      <Notice note={note} />
    </div>
  );
}
