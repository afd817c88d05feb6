// What a feature contributes to the app: its pages at their paths, and its links in the header.
import type { ComponentType } from "preact";

import type { MessageKey } from "../i18n/en";

export interface FeatureRoute {
  /** A wouter path, e.g. "/scenarios/:id"; the page reads its parameters with useParams(). */
  path: string;
  page: ComponentType;
}

export interface NavEntry {
  href: string;
  label: MessageKey;
}

export interface Feature {
  routes: FeatureRoute[];
  nav: NavEntry[];
}
