// The dashboard feature's pages and header links (App.tsx mounts every feature's routes for signed-in learners).
import type { Feature } from "../types";
import { DashboardPage } from "./DashboardPage";

export const feature: Feature = {
  routes: [{ path: "/dashboard", page: DashboardPage }],
  nav: [{ href: "/dashboard", label: "dashboard.nav" }],
};
