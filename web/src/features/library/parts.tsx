// Small pieces the library pages share: the live message line, a delete that asks first, dates.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

import { locale, t } from "../../i18n";
import { Failure, Shown, type Load } from "../../ui/load";
import { titleOf } from "./items";
import type { ItemSummary } from "./types";

export interface Note {
  text: string;
  bad: boolean;
}

/** The outcome of the last action: a polite status when it worked, an alert when it did not. The
 * status line is always there, so screen readers announce what is put in it. */
export function Notice({ note }: { note: Note | null }) {
  return (
    <>
      <p role="status" class="library-status">
        {note && !note.bad ? note.text : ""}
      </p>
      {note?.bad && (
        <p role="alert" class="error">
          {note.text}
        </p>
      )}
    </>
  );
}

export const ok = (text: string): Note => ({ text, bad: false });
export const bad = (text: string): Note => ({ text, bad: true });

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

interface ConfirmProps {
  /** The button's text, e.g. "Delete". */
  label: string;
  /** Its accessible name when the text alone would be ambiguous in a list, e.g. "Delete Verbs". */
  name?: string;
  question: string;
  confirm: string;
  onConfirm: () => void | Promise<void>;
}

/** A destructive action that asks before it acts: the question replaces the button, focus moves
 * to the confirming button, and afterwards (either way) goes back to the button. */
export function ConfirmButton({ label, name, question, confirm, onConfirm }: ConfirmProps) {
  const [asking, setAsking] = useState(false);
  const [returning, setReturning] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returning) trigger.current?.focus();
  }, [asking, returning]);

  if (!asking) {
    return (
      <button type="button" ref={trigger} class="library-danger" aria-label={name} onClick={() => (setAsking(true), setReturning(false))}>
        {label}
      </button>
    );
  }
  return (
    <div class="library-confirm" role="group" aria-label={name ?? label}>
      <p>{question}</p>
      <button type="button" ref={yes} class="library-danger-strong" onClick={() => (setAsking(false), setReturning(true), onConfirm())}>
        {confirm}
      </button>
      <button type="button" class="library-secondary" onClick={() => (setAsking(false), setReturning(true))}>
        {t("library.cancel")}
      </button>
    </div>
  );
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
