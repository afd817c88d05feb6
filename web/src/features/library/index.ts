// The library feature's pages and header links (App.tsx mounts every feature's routes for signed-in learners).
import type { Feature } from "../types";
import { CollectionPage } from "./CollectionPage";
import { LibraryPage } from "./LibraryPage";
import { RatePage } from "./RatePage";

export const feature: Feature = {
  routes: [
    { path: "/library", page: LibraryPage },
    { path: "/collections/:id", page: CollectionPage },
    { path: "/scenarios/:id/rate", page: RatePage },
  ],
  nav: [{ href: "/library", label: "library.nav" }],
};
