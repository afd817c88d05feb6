// /collections/:id — a collection and its items. Its owner reorders, removes, edits, shares,
// tags and deletes it; anyone who can see it subscribes or makes a copy. Every change is shown at
// once and saved in order behind the scenes (see optimistic.ts); a refused one is undone.
import { useRef, useState } from "preact/hooks";
import { Link, useLocation, useParams } from "wouter-preact";

import { api } from "../../api/client";
import { locale, t } from "../../i18n";
import { attempt, Failure, Shown, useLoad, type Outcome } from "../../ui/load";
import { ConfirmButton, Notice, ok, type Note } from "../../ui/feedback";
import { attemptEmpty } from "./calls";
import { CollectionEdit } from "./CollectionEdit";
import { CollectionFacts } from "./CollectionList";
import { CollectionItems } from "./CollectionItems";
import { CollectionShare } from "./CollectionShare";
import { hrefOf, titleOf } from "./items";
import { optimisticQueue, type Change } from "./optimistic";
import { itemKey, moveItem, orderOf, renumber } from "./order";
import { nameOf } from "./parts";
import { TagEditor } from "./TagEditor";
import type { Collection, CollectionChange, CollectionItem } from "./types";
import "./library.css";

function useCollectionChanges(loaded: Collection) {
  const [shown, setShown] = useState(loaded);
  const [refusal, setRefusal] = useState<string | null>(null);
  const latest = useRef(loaded);
  const [queue] = useState(() =>
    optimisticQueue(
      loaded,
      (value) => {
        latest.current = value;
        setShown(value);
      },
      setRefusal,
    ),
  );
  const path = { params: { path: { collection_id: loaded.id } } };
  const apply = (change: Change<Collection>) => (setRefusal(null), queue.apply(change));
  /** PATCH the collection with ``body``, showing ``next`` meanwhile. */
  const patch = (body: CollectionChange, next: Collection, extra: Partial<Change<Collection>> = {}) =>
    apply({ next, save: () => attempt(api.PATCH("/api/v1/collections/{collection_id}", { ...path, body })), ...extra });

  return { shown, refusal, latest, path, apply, patch };
}

function CollectionView({ loaded, reload }: { loaded: Collection; reload: () => void }) {
  const { shown, refusal, latest, path, apply, patch } = useCollectionChanges(loaded);
  const [note, setNote] = useState<Note | null>(null);
  const [, navigate] = useLocation();
  const items = shown.items ?? [];
  const focusItemsHeading = () => document.getElementById("library-items-title")?.focus();

  function move(from: number, to: number) {
    const current = latest.current.items ?? [];
    const next = moveItem(current, from, to) as CollectionItem[];
    if (next === current) return;
    const position = next.indexOf(current[from]);
    apply({
      key: "order",
      next: { ...latest.current, items: renumber(next) },
      save: () => attempt(api.PUT("/api/v1/collections/{collection_id}/items", { ...path, body: { items: orderOf(next) } })),
    });
    setNote(ok(t("library.items.moved", { title: nameOf(current[from].item), position: position + 1, count: next.length })));
  }

  function remove(entry: CollectionItem) {
    const rest = (latest.current.items ?? []).filter((other) => itemKey(other.item) !== itemKey(entry.item));
    const ref = { kind: entry.item.ref.kind as "scenario" | "document", item_id: entry.item.ref.id };
    apply({
      next: { ...latest.current, items: renumber(rest), item_count: rest.length },
      save: () => attempt(api.DELETE("/api/v1/collections/{collection_id}/items/{kind}/{item_id}", { params: { path: { ...path.params.path, ...ref } } })),
    });
    setNote(ok(t("library.items.removed", { title: nameOf(entry.item) })));
    focusItemsHeading();
  }

  function edit(change: CollectionChange, settled: (saved: boolean) => void) {
    patch(change, latest.current, { saved: () => (settled(true), setNote(ok(t("library.edit.saved")))), refused: () => settled(false) });
  }

  function setVisibility(visibility: Collection["visibility"]) {
    patch({ visibility }, { ...latest.current, visibility }, { saved: () => setNote(ok(t(visibility === "public" ? "library.share.nowPublic" : "library.share.nowPrivate"))) });
  }

  function toggleSubscription() {
    const subscribe = !latest.current.subscribed;
    const save = () =>
      attempt<Collection>(
        subscribe ? api.PUT("/api/v1/collections/{collection_id}/subscription", path) : api.DELETE("/api/v1/collections/{collection_id}/subscription", path),
      );
    const next = { ...latest.current, subscribed: subscribe, subscriber_count: latest.current.subscriber_count + (subscribe ? 1 : -1) };
    apply({ next, save, saved: () => setNote(ok(t(subscribe ? "library.subscribe.done" : "library.unsubscribe.done"))) });
  }

  async function duplicate() {
    const outcome: Outcome<Collection> = await attempt(api.POST("/api/v1/collections/{collection_id}/duplicate", { ...path, body: {} }));
    if (outcome.ok) navigate(`/collections/${outcome.data.id}`);
    else setNote({ text: outcome.message, bad: true });
  }

  async function destroy() {
    const outcome = await attemptEmpty(api.DELETE("/api/v1/collections/{collection_id}", path));
    if (outcome.ok) navigate("/library");
    else setNote({ text: outcome.message, bad: true });
  }

  const next = shown.learning_path ? shown.next_up : null;
  return (
    <>
      <h1>{shown.name}</h1>
      {shown.description && <p class="library-description">{shown.description}</p>}
      <CollectionFacts collection={shown} />
      {shown.tags && shown.tags.length > 0 && !shown.owned && <p class="library-facts">{t("library.collection.tags", { tags: shown.tags.join(", ") })}</p>}
      {shown.copied_from && (
        <p class="library-facts">
          <Link href={`/collections/${shown.copied_from}`}>{t("library.collection.copiedFrom")}</Link>
        </p>
      )}
      <div class="library-actions">
        {!shown.owned && shown.visibility === "public" && (
          <button type="button" onClick={toggleSubscription}>
            {t(shown.subscribed ? "library.unsubscribe" : "library.subscribe")}
          </button>
        )}
        <button type="button" class="library-secondary" onClick={duplicate}>
          {t("library.duplicate")}
        </button>
        {shown.owned && (
          <ConfirmButton label={t("library.collection.delete")} question={t("library.collection.deleteQuestion", { name: shown.name })} confirm={t("library.collection.deleteConfirm")} onConfirm={destroy} />
        )}
      </div>
      {refusal && <Failure message={refusal} retry={reload} />}
      <Notice note={note} />
      {next && (
        <p class="library-next">
          {t("library.collection.nextUp")} <Link href={hrefOf(next.item.ref)}>{titleOf(next.item, locale.value) ?? next.item.ref.id}</Link>
        </p>
      )}
      <section aria-labelledby="library-items-title">
        <h2 id="library-items-title" tabIndex={-1}>
          {t("library.items.title")}
        </h2>
        <CollectionItems items={items} editable={shown.owned} learningPath={shown.learning_path} move={move} remove={remove} />
      </section>
      <section aria-labelledby="library-share-title">
        <h2 id="library-share-title">{t("library.share.title")}</h2>
        <CollectionShare collection={shown} setVisibility={setVisibility} />
      </section>
      {shown.owned && (
        <>
          <section aria-labelledby="library-details-title">
            <h2 id="library-details-title">{t("library.edit.title")}</h2>
            <CollectionEdit collection={shown} save={edit} />
          </section>
          <section aria-labelledby="library-tags-title">
            <h2 id="library-tags-title">{t("library.tags.yours")}</h2>
            <TagEditor kind="collection" id={shown.id} />
          </section>
        </>
      )}
    </>
  );
}

export function CollectionPage() {
  const { id } = useParams<{ id: string }>();
  const [round, setRound] = useState(0);
  const [load, reload] = useLoad(() => api.GET("/api/v1/collections/{collection_id}", { params: { path: { collection_id: id } } }), [id, round]);
  return (
    <main class="library">
      <p>
        <Link href="/library">{t("library.back")}</Link>
      </p>
      {load.state !== "ready" && <h1>{t("library.collection.title")}</h1>}
      <Shown load={load} retry={reload}>
        {(collection) => <CollectionView key={`${collection.id}:${round}`} loaded={collection} reload={() => setRound((n) => n + 1)} />}
      </Shown>
    </main>
  );
}
