// Sharing a collection: its link to copy while it is public, and (for its owner) public or private.
import { useState } from "preact/hooks";

import { t } from "../../i18n";
import { shareLink } from "./items";
import type { Collection } from "./types";

interface Props {
  collection: Collection;
  setVisibility: (visibility: Collection["visibility"]) => void;
}

export function CollectionShare({ collection, setVisibility }: Props) {
  const [copied, setCopied] = useState("");
  const link = shareLink(globalThis.location?.origin ?? "", collection.id);
  const isPublic = collection.visibility === "public";

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(t("library.share.copied"));
    } catch {
      // Without clipboard access (an insecure page, a refusal) the learner copies it by hand.
      setCopied(t("library.share.copyByHand"));
      document.getElementById("library-share-link")?.focus();
    }
  }

  return (
    <>
      <p>{t(isPublic ? "library.share.public" : collection.owned ? "library.share.privateOwned" : "library.share.private")}</p>
      {isPublic && (
        <div class="library-inline-form">
          <label>
            {t("library.share.link")}
            <input id="library-share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" onClick={copy}>
            {t("library.share.copy")}
          </button>
        </div>
      )}
      <p role="status" class="library-status">
        {copied}
      </p>
      {collection.owned && (
        <button type="button" class="library-secondary" onClick={() => setVisibility(isPublic ? "private" : "public")}>
          {t(isPublic ? "library.share.makePrivate" : "library.share.makePublic")}
        </button>
      )}
    </>
  );
}
