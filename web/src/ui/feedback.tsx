// What every page says after an action, and how it asks before one that cannot be undone.
import { useEffect, useRef, useState } from "preact/hooks";

import { t } from "../i18n";

export interface Note {
  text: string;
  bad: boolean;
}

export const ok = (text: string): Note => ({ text, bad: false });
export const bad = (text: string): Note => ({ text, bad: true });

/** The outcome of the last action: a polite status when it worked, an alert when it did not. The
 * status line is always there, so screen readers announce what is put in it. */
export function Notice({ note }: { note: Note | null }) {
  return (
    <>
      <p role="status" class="notice">
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

interface ConfirmProps {
  /** The button's text, e.g. "Delete". */
  label: string;
  /** Its accessible name when the text alone would be ambiguous in a list, e.g. "Delete Verbs". */
  name?: string;
  question: string;
  confirm: string;
  /** The safe choice's text ("Cancel" by default). */
  cancel?: string;
  /** Which button takes focus when the question shows. */
  focus?: "confirm" | "cancel";
  onConfirm: () => void | Promise<void>;
}

/** A destructive action that asks before it acts: the question replaces the button, focus moves
 * into it, and afterwards (either way) goes back to the button. */
export function ConfirmButton({ label, name, question, confirm, cancel, focus = "confirm", onConfirm }: ConfirmProps) {
  const [asking, setAsking] = useState(false);
  const [returning, setReturning] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const no = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) (focus === "confirm" ? yes : no).current?.focus();
    else if (returning) trigger.current?.focus();
  }, [asking, returning, focus]);

  if (!asking) {
    return (
      <button type="button" ref={trigger} class="danger" aria-label={name} onClick={() => (setAsking(true), setReturning(false))}>
        {label}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label={name ?? label}>
      <p>{question}</p>
      <button type="button" ref={yes} class="danger-strong" onClick={() => (setAsking(false), setReturning(true), onConfirm())}>
        {confirm}
      </button>
      <button type="button" ref={no} class="secondary" onClick={() => (setAsking(false), setReturning(true))}>
        {cancel ?? t("ui.cancel")}
      </button>
    </div>
  );
}
