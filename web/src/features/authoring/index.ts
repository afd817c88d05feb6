// The authoring feature's pages and header links (App.tsx mounts every feature's routes for signed-in learners).
import type { Feature } from "../types";
import { AuthorPage } from "./AuthorPage";
import { BudgetPage } from "./BudgetPage";
import { EditorPage } from "./EditorPage";

export const feature: Feature = {
  routes: [
    { path: "/author", page: AuthorPage },
    { path: "/author/:id", page: EditorPage },
    { path: "/budget", page: BudgetPage },
  ],
  nav: [
    { href: "/author", label: "authoring.nav.create" },
    { href: "/budget", label: "authoring.nav.budget" },
  ],
};
