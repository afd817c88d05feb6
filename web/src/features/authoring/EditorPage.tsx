// /author/:id — the editor of one of the learner's scenarios.
import { Link, useParams } from "wouter-preact";

import { t } from "../../i18n";
import { Shown, useLoad } from "../../ui/load";
import { Editor } from "./editor/Editor";
import { loadAuthored } from "./scenarios/api";
import "./authoring.css";

export function EditorPage() {
  const { id = "" } = useParams<{ id: string }>();
  const [load, retry] = useLoad(() => loadAuthored(id), [id]);
  return (
    <main class="authoring">
      <p>
        <Link href="/author">{t("authoring.editor.back")}</Link>
      </p>
      {load.state !== "ready" && <h1>{t("authoring.editor.title")}</h1>}
      <Shown load={load} retry={retry}>
        {(authored) => <Editor key={authored.summary.id} initial={authored} />}
      </Shown>
    </main>
  );
}
