// The documents feature's pages and header links (App.tsx mounts every feature's routes for signed-in learners).
import type { Feature } from "../types";
import { DocumentsPage } from "./DocumentsPage";
import { StudyPage } from "./StudyPage";

export const feature: Feature = {
  routes: [
    { path: "/documents", page: DocumentsPage },
    { path: "/documents/:id", page: StudyPage },
  ],
  nav: [{ href: "/documents", label: "documents.nav" }],
};
