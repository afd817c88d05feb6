// A collection's items in order. Its owner reorders them by dragging, or with "Move up" and "Move
// down" (focus stays on the moved item's button), and takes them out.
import { useEffect, useRef, useState } from "preact/hooks";
import { Link } from "wouter-preact";

import { t } from "../../i18n";
import { difficultyName } from "../../i18n/names";
import { Empty } from "../../ui/load";
import { hrefOf } from "./items";
import { itemKey } from "./order";
import { kindName, nameOf } from "./parts";
import type { CollectionItem } from "./types";

type Direction = "up" | "down";

interface Props {
  items: CollectionItem[];
  editable: boolean;
  learningPath: boolean;
  move: (from: number, to: number) => void;
  remove: (entry: CollectionItem) => void;
}

const buttonId = (direction: Direction, key: string) => `library-${direction}-${key}`;

/** After a move the list is drawn again: put focus back on the button that was pressed, or on
 * the other one when the item reached an end and that button is disabled. */
function useFocusAfterMove(items: CollectionItem[]) {
  const [target, setTarget] = useState<{ key: string; direction: Direction } | null>(null);
  useEffect(() => {
    if (!target) return;
    const other: Direction = target.direction === "up" ? "down" : "up";
    const wanted = document.getElementById(buttonId(target.direction, target.key)) as HTMLButtonElement | null;
    (wanted && !wanted.disabled ? wanted : document.getElementById(buttonId(other, target.key)))?.focus();
    setTarget(null);
  }, [target, items]);
  return setTarget;
}

function Facts({ entry, learningPath }: { entry: CollectionItem; learningPath: boolean }) {
  const { item } = entry;
  const facts = [kindName(item.ref.kind)];
  if (item.estimated_minutes) facts.push(t("library.minutes", { minutes: item.estimated_minutes }));
  if (item.difficulty) facts.push(difficultyName(item.difficulty));
  return (
    <p class="library-facts">
      {facts.join(" · ")}
      {learningPath && entry.done && <span class="library-badge library-done">{t("library.items.done")}</span>}
    </p>
  );
}

export function CollectionItems({ items, editable, learningPath, move, remove }: Props) {
  const dragFrom = useRef<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const focusAfter = useFocusAfterMove(items);

  if (items.length === 0) {
    return (
      <Empty>
        {editable ? (
          <p>
            {t("library.items.emptyOwned")} <Link href="/library?tab=bookmarks">{t("library.items.fromBookmarks")}</Link>
          </p>
        ) : (
          <p>{t("library.items.empty")}</p>
        )}
      </Empty>
    );
  }

  function step(index: number, direction: Direction) {
    focusAfter({ key: itemKey(items[index].item), direction });
    move(index, direction === "up" ? index - 1 : index + 1);
  }

  function drop(event: DragEvent, index: number) {
    event.preventDefault();
    const from = dragFrom.current;
    dragFrom.current = null;
    setOver(null);
    if (from !== null) move(from, index);
  }

  return (
    <>
      {editable && <p class="library-hint-line">{t("library.items.reorderHint")}</p>}
      <ol class="library-items">
        {items.map((entry, index) => {
          const key = itemKey(entry.item);
          const name = nameOf(entry.item);
          const dragProps = editable
            ? {
                draggable: true,
                onDragStart: (event: DragEvent) => {
                  dragFrom.current = index;
                  // Firefox starts a drag only when it carries data.
                  event.dataTransfer?.setData("text/plain", name);
                  if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
                },
                onDragOver: (event: DragEvent) => {
                  if (dragFrom.current === null) return;
                  event.preventDefault();
                  setOver(index);
                },
                onDragLeave: () => setOver((current) => (current === index ? null : current)),
                onDrop: (event: DragEvent) => drop(event, index),
                onDragEnd: () => ((dragFrom.current = null), setOver(null)),
              }
            : {};
          return (
            <li key={key} class={`library-item${editable ? " library-draggable" : ""}${over === index ? " library-drop" : ""}`} {...dragProps}>
              {/* The list already tells screen readers each item's place. */}
              <span class="library-position" aria-hidden="true">
                {index + 1}
              </span>
              <div class="library-item-main">
                <p class="library-item-title">{entry.item.removed ? name : <Link href={hrefOf(entry.item.ref)}>{name}</Link>}</p>
                <Facts entry={entry} learningPath={learningPath} />
              </div>
              {editable && (
                <div class="library-item-actions">
                  <button type="button" id={buttonId("up", key)} class="library-secondary" disabled={index === 0} aria-label={t("library.items.upNamed", { title: name })} onClick={() => step(index, "up")}>
                    {t("library.items.up")}
                  </button>
                  <button
                    type="button"
                    id={buttonId("down", key)}
                    class="library-secondary"
                    disabled={index === items.length - 1}
                    aria-label={t("library.items.downNamed", { title: name })}
                    onClick={() => step(index, "down")}
                  >
                    {t("library.items.down")}
                  </button>
                  <button type="button" class="library-danger" aria-label={t("library.items.removeNamed", { title: name })} onClick={() => remove(entry)}>
                    {t("library.items.remove")}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
