// The owner's form for a collection's details: name, description, category, level, learning path.
import { useState } from "preact/hooks";

import { t } from "../../i18n";
import { detailsChange, detailsOf, type DetailsDraft } from "./collection";
import { DetailsFields } from "./fields";
import { useDisclosureFocus } from "./parts";
import type { Collection, CollectionChange } from "./types";

interface Props {
  collection: Collection;
  /** Saves the change; ``settled`` is told whether the server took it. */
  save: (change: CollectionChange, settled: (saved: boolean) => void) => void;
}

export function CollectionEdit({ collection, save }: Props) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<DetailsDraft>(() => detailsOf(collection));
  const [working, setWorking] = useState(false);
  const change = detailsChange(detailsOf(collection), draft);
  const edit = (fields: Partial<DetailsDraft>) => setDraft({ ...draft, ...fields });
  const { opener, field } = useDisclosureFocus(open);

  function submit(event: Event) {
    event.preventDefault();
    setWorking(true);
    // Refused, the form stays open with what was typed, under the server's message.
    save(change, (saved) => (setWorking(false), setOpen(!saved)));
  }

  if (!open) {
    return (
      <button type="button" class="library-secondary" ref={opener} onClick={() => (setDraft(detailsOf(collection)), setWorking(false), setOpen(true))}>
        {t("library.edit.open")}
      </button>
    );
  }
  return (
    <form class="library-panel-form" onSubmit={submit}>
      <DetailsFields draft={draft} edit={edit} field={field} />
      <div class="library-actions">
        <button type="submit" disabled={working || Object.keys(change).length === 0}>
          {working ? t("library.working") : t("library.save")}
        </button>
        <button type="button" class="library-secondary" onClick={() => setOpen(false)}>
          {t("library.cancel")}
        </button>
      </div>
    </form>
  );
}
