// The play feature's pages and header links (App.tsx mounts every feature's routes for signed-in learners).
import type { Feature } from "../types";
import { PlayPage } from "./PlayPage";
import { TutorPage } from "./TutorPage";

export const feature: Feature = {
  routes: [
    { path: "/play/:runId", page: PlayPage },
    { path: "/tutor", page: TutorPage },
  ],
  nav: [{ href: "/tutor", label: "play.nav.tutor" }],
};
