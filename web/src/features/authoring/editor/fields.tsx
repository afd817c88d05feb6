// Labelled form fields that show the API's message for them, found by their path in the body. The
// hint and the message describe the field without being part of its name.
import { createContext, type ComponentChildren } from "preact";
import { useContext } from "preact/hooks";

import { fieldId } from "../model/fieldErrors";
import { joinLines, splitLines } from "../model/rows";

/** The API's messages of the last refused save, by field path. */
export const Errors = createContext<Record<string, string>>({});

interface Common {
  path: string;
  label: string;
  hint?: string;
}

/** The attributes that tie a control to its label, hint and message, and mark it in error. */
function described(path: string, hint: string | undefined, error: string | undefined) {
  const id = fieldId(path);
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-describedby": ids || undefined, "aria-invalid": error ? ("true" as const) : undefined };
}

/** A control under its label, followed by its hint and the API's message about it. */
function Field({ path, label, hint, children }: Common & { children: (error: string | undefined) => ComponentChildren }) {
  const error = useContext(Errors)[path];
  const id = fieldId(path);
  return (
    <div class="authoring-field">
      <label for={id}>{label}</label>
      {children(error)}
      {hint && (
        <span id={`${id}-hint`} class="authoring-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} class="error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A number typed as text, so that a half-typed or emptied one is kept as the learner left it. */
interface Numeric {
  type?: "number";
  min?: number;
  max?: number;
  step?: number | "any";
}

type TextProps = Common & Numeric & { value: string; onInput: (value: string) => void; long?: boolean; maxLength?: number };

export function TextField({ path, label, hint, value, onInput, long, maxLength, ...numeric }: TextProps) {
  return (
    <Field path={path} label={label} hint={hint}>
      {(error) =>
        long ? (
          <textarea rows={3} {...described(path, hint, error)} maxLength={maxLength} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
        ) : (
          <input {...described(path, hint, error)} {...numeric} maxLength={maxLength} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
        )
      }
    </Field>
  );
}

/** A list of short texts typed one per line. */
export function LinesField({ path, label, hint, items, onChange }: Common & { items: string[]; onChange: (items: string[]) => void }) {
  const rows = Math.min(Math.max(items.length + 1, 3), 8);
  return (
    <Field path={path} label={label} hint={hint}>
      {(error) => <textarea rows={rows} {...described(path, hint, error)} value={joinLines(items)} onInput={(e) => onChange(splitLines(e.currentTarget.value))} />}
    </Field>
  );
}

/** A whole number; emptied, it is NaN, which the API is sent as null and names. */
export function NumberField({ path, label, hint, value, onChange, min, max }: Common & { value: number; onChange: (value: number) => void; min?: number; max?: number }) {
  return (
    <Field path={path} label={label} hint={hint}>
      {(error) => (
        <input
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          {...described(path, hint, error)}
          value={Number.isNaN(value) ? "" : value}
          onInput={(e) => onChange(e.currentTarget.value === "" ? Number.NaN : Number(e.currentTarget.value))}
        />
      )}
    </Field>
  );
}

export function SelectField({ path, label, hint, value, onChange, options }: Common & { value: string; onChange: (value: string) => void; options: { value: string; label: string }[] }) {
  return (
    <Field path={path} label={label} hint={hint}>
      {(error) => (
        <select {...described(path, hint, error)} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          {options.map((option) => (
            <option value={option.value}>{option.label}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The API's message about a whole list or section (too few rows, a missing phase…). */
export function GroupError({ path }: { path: string }) {
  const error = useContext(Errors)[path];
  if (!error) return null;
  return (
    <p id={fieldId(path)} tabIndex={-1} class="error">
      {error}
    </p>
  );
}

/** A part of the editor under its heading, at the level its place in the page needs. */
export function Section({ heading, level, children }: { heading: string; level: 2 | 3 | 4; children: ComponentChildren }) {
  const Heading = `h${level}` as "h2";
  return (
    <section class={`authoring-section authoring-level${level}`}>
      <Heading>{heading}</Heading>
      {children}
    </section>
  );
}
