// The review feature's pages and header links (App.tsx mounts every feature's routes for signed-in learners).
import type { Feature } from "../types";
import { ReviewPage } from "./ReviewPage";

export const feature: Feature = {
  routes: [{ path: "/review", page: ReviewPage }],
  nav: [{ href: "/review", label: "review.nav" }],
};
