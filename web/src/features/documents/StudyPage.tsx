// /documents/:id: what the document became (summary, key words, flashcards, quiz, key concepts,
// the learner's notes), or its import's progress while that is still under way.
import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";
import { Link, useParams } from "wouter-preact";

import type { MessageKey } from "../../i18n/en";
import { t } from "../../i18n";
import { Empty, Shown, useLoad } from "../../ui/load";
import { KeepIt } from "../library/widgets";
import { DeleteDocument } from "./DeleteDocument";
import "./documents.css";
import { Flashcards } from "./Flashcards";
import { displayTitle, facts } from "./format";
import { JobProgress } from "./JobProgress";
import { Notes } from "./Notes";
import { progressOf } from "./progress";
import { Quiz } from "./Quiz";
import { loadStudy, type DocumentOut, type Material } from "./requests";
import { studyProgress } from "./study";
import { useStudyTime } from "./useStudyTime";
import { Vocabulary } from "./Vocabulary";

const SECTIONS = ["summary", "vocabulary", "cards", "quiz", "concepts", "notes"] as const;
type Section = (typeof SECTIONS)[number];

function Part({ name, children }: { name: Section; children: ComponentChildren }) {
  return (
    <section id={`documents-${name}`} class="documents-part" aria-labelledby={`documents-${name}-heading`}>
      <h2 id={`documents-${name}-heading`}>{t(`documents.section.${name}`)}</h2>
      {children}
    </section>
  );
}

function Contents() {
  return (
    <nav class="documents-contents" aria-label={t("documents.section.contents")}>
      <ul>
        {SECTIONS.map((name) => (
          <li>
            <a href={`#documents-${name}`}>{t(`documents.section.${name}`)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Lines({ lines, language, empty }: { lines: string[]; language: string | undefined; empty: MessageKey }) {
  if (lines.length === 0) return <Empty>{t(empty)}</Empty>;
  return (
    <ul class="documents-lines" lang={language}>
      {lines.map((line) => (
        <li>{line}</li>
      ))}
    </ul>
  );
}

function StudyMaterial({ material }: { material: Material }) {
  const { document } = material;
  const done = useRef({ cardsSeen: 0, cards: material.flashcards.length, answered: 0, questions: material.quiz.length });
  const stopRecording = useStudyTime(document.id, () => studyProgress(done.current, document.progress_percent));
  const language = document.language || undefined;
  const title = displayTitle(document);
  return (
    <>
      <h1>{title}</h1>
      <p class="documents-note">{facts(document)}</p>
      <Contents />
      <Part name="summary">
        <Lines lines={material.summary} language={language} empty="documents.summary.empty" />
      </Part>
      <Part name="vocabulary">
        <Vocabulary language={document.language} initial={material.vocabulary} />
      </Part>
      <Part name="cards">
        <Flashcards cards={material.flashcards} language={document.language} onSeen={(count) => (done.current.cardsSeen = count)} />
      </Part>
      <Part name="quiz">
        <Quiz
          questions={material.quiz}
          language={document.language}
          onAnswered={(count) => (done.current.answered = Math.max(done.current.answered, count))}
        />
      </Part>
      <Part name="concepts">
        <Lines lines={material.key_concepts} language={language} empty="documents.concepts.empty" />
      </Part>
      <Part name="notes">
        <Notes documentId={document.id} initial={material.notes} />
      </Part>
      <KeepIt kind="document" id={document.id} />
      <DeleteDocument documentId={document.id} title={title} onDeleted={stopRecording} />
    </>
  );
}

function Preparing({ document, onDone }: { document: DocumentOut; onDone: () => void }) {
  const title = displayTitle(document);
  return (
    <>
      <h1>{title}</h1>
      <p>{document.stage === "failed" ? t("documents.study.failed") : t("documents.study.preparing")}</p>
      <JobProgress documentId={document.id} title={title} initial={progressOf(document)} onDone={onDone} />
      <DeleteDocument documentId={document.id} title={title} />
    </>
  );
}

export function StudyPage() {
  const { id } = useParams<{ id: string }>();
  const [load, reload] = useLoad(() => loadStudy(id), [id]);
  return (
    <main class="documents documents-study">
      <p>
        <Link href="/documents">{t("documents.study.back")}</Link>
      </p>
      <Shown load={load} retry={reload}>
        {(study) => (study.pending ? <Preparing document={study.document} onDone={reload} /> : <StudyMaterial key={study.material.document.id} material={study.material} />)}
      </Shown>
    </main>
  );
}
