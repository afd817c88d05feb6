// Every feature of the app, in the order of their header links.
import { feature as authoring } from "./authoring";
import { feature as dashboard } from "./dashboard";
import { feature as discover } from "./discover";
import { feature as documents } from "./documents";
import { feature as library } from "./library";
import { feature as play } from "./play";
import { feature as review } from "./review";
import type { Feature } from "./types";

export const FEATURES: Feature[] = [discover, play, review, documents, library, dashboard, authoring];
