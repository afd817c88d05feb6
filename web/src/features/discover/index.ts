// The discover feature's pages and header links (App.tsx mounts every feature's routes for signed-in learners).
import type { Feature } from "../types";
import { DiscoverPage } from "./DiscoverPage";
import { ScenarioPage } from "./ScenarioPage";

export const feature: Feature = {
  routes: [
    { path: "/discover", page: DiscoverPage },
    { path: "/scenarios/:id", page: ScenarioPage },
  ],
  nav: [{ href: "/discover", label: "discover.nav" }],
};
