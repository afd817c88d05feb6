// Small pieces the library pages share: item names, dates, data kept while it loads again.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

import { locale, t } from "../../i18n";
import { Failure, Shown, type Load } from "../../ui/load";
import { titleOf } from "./items";
import type { ItemSummary } from "./types";

/** What to call an item: its title, or that it is gone when it was removed. */
export function nameOf(item: ItemSummary): string {
  return titleOf(item, locale.value) ?? (item.removed ? t("library.item.removed") : item.ref.id);
}

export function kindName(kind: string): string {
  if (kind === "document") return t("library.kind.document");
  if (kind === "collection") return t("library.kind.collection");
  return t("library.kind.scenario");
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(locale.value, { dateStyle: "medium" }).format(new Date(iso));
}

interface KeptProps<T> {
  load: Load<T>;
  retry: () => void;
  children: (data: T) => ComponentChildren;
}

/** Like ``Shown``, but once loaded it keeps showing the last data while loading again, so a
 * refresh after a change neither flickers nor loses what the learner was doing in it. */
export function ShownKept<T>({ load, retry, children }: KeptProps<T>) {
  const kept = useKept(load);
  if (!kept) return <Shown load={load} retry={retry}>{children}</Shown>;
  return (
    <>
      {load.state === "failed" && <Failure message={load.message} retry={retry} />}
      {children(kept.data)}
    </>
  );
}

/** The data ``load`` last had, kept while it loads again; null before it first loaded. */
export function useKept<T>(load: Load<T>): { data: T } | null {
  const kept = useRef<{ data: T } | null>(null);
  if (load.state === "ready" && kept.current?.data !== load.data) kept.current = { data: load.data };
  return kept.current;
}

/** Focus for a button that opens a form in its place: into the form's first field when it
 * opens, back on the button when it closes. */
export function useDisclosureFocus(open: boolean) {
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) field.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return { opener, field };
}
