// La interfaz en español: las mismas claves que en.ts.
import type { MessageKey } from "./en";
import * as core from "./core";
import * as discover from "../features/discover/messages";
import * as play from "../features/play/messages";
import * as review from "../features/review/messages";
import * as documents from "../features/documents/messages";
import * as library from "../features/library/messages";
import * as dashboard from "../features/dashboard/messages";
import * as authoring from "../features/authoring/messages";

export const es: Record<MessageKey, string> = { ...core.es, ...discover.es, ...play.es, ...review.es, ...documents.es, ...library.es, ...dashboard.es, ...authoring.es };
