// /library: the learner's collections, those they follow, public ones to browse, bookmarks and tags,
// one tab each. The open tab is kept in the address (?tab=), so a link can open any of them.
import { useSearchParams } from "wouter-preact";

import { t } from "../../i18n";
import { BookmarksPanel } from "./BookmarksPanel";
import { BrowsePanel } from "./BrowsePanel";
import { MinePanel, SubscribedPanel } from "./CollectionList";
import { TagsPanel } from "./TagsPanel";
import { TABS, tabAfterKey, tabOf, type Tab } from "./tabs";
import "./library.css";

const tabId = (tab: Tab) => `library-tab-${tab}`;

function Panel({ tab, select }: { tab: Tab; select: (tab: Tab, focus?: boolean) => void }) {
  switch (tab) {
    case "mine":
      return <MinePanel />;
    case "subscribed":
      return <SubscribedPanel select={select} />;
    case "browse":
      return <BrowsePanel />;
    case "bookmarks":
      return <BookmarksPanel />;
    case "tags":
      return <TagsPanel />;
  }
}

export function LibraryPage() {
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get("tab"));

  function select(next: Tab, focus = false) {
    setParams({ tab: next }, { replace: true });
    if (focus) document.getElementById(tabId(next))?.focus();
  }

  function onKeyDown(event: KeyboardEvent, index: number) {
    const next = tabAfterKey(index, event.key, TABS.length);
    if (next === null) return;
    event.preventDefault();
    select(TABS[next], true);
  }

  return (
    <main class="library">
      <h1>{t("library.title")}</h1>
      <div role="tablist" aria-label={t("library.title")} class="library-tabs">
        {TABS.map((name, index) => (
          <button
            type="button"
            role="tab"
            id={tabId(name)}
            class="library-tab"
            aria-selected={name === tab}
            aria-controls="library-panel"
            tabIndex={name === tab ? 0 : -1}
            onClick={() => select(name)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {t(`library.tab.${name}`)}
          </button>
        ))}
      </div>
      <section role="tabpanel" id="library-panel" class="library-panel" aria-labelledby={tabId(tab)} tabIndex={0}>
        <Panel key={tab} tab={tab} select={select} />
      </section>
    </main>
  );
}
