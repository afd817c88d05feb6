// /author/:id — the editor of one of the learner's scenarios.
import { Link, useParams } from "wouter-preact";

import { t } from "../../i18n";
import { Shown, useLoad } from "../../ui/load";
import { Editor } from "./editor/Editor";
import { openAuthored } from "./scenarios/api";
import "./authoring.css";

/** A scenario the learner may not edit: the API's reason (it says to duplicate one they may not
 * change), and the way back to their own. */
function Closed({ message }: { message: string }) {
  return (
    <div role="alert" class="failure">
      <p class="error">{message}</p>
      <Link href="/author">{t("authoring.editor.closedBack")}</Link>
    </div>
  );
}

export function EditorPage() {
  const { id = "" } = useParams<{ id: string }>();
  const [load, retry] = useLoad(() => openAuthored(id), [id]);
  const editing = load.state === "ready" && load.data.editable;
  return (
    <main class="authoring">
      <p>
        <Link href="/author">{t("authoring.editor.back")}</Link>
      </p>
      {!editing && <h1>{t("authoring.editor.title")}</h1>}
      <Shown load={load} retry={retry}>
        {(opened) => (opened.editable ? <Editor key={opened.authored.summary.id} initial={opened.authored} /> : <Closed message={opened.message} />)}
      </Shown>
    </main>
  );
}
