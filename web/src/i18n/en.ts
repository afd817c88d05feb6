// The English interface: every string the client shows, gathered from the shared catalogue and
// each feature's own. Spanish (es.ts) has the same keys; a test holds them together.
import * as core from "./core";
import * as discover from "../features/discover/messages";
import * as play from "../features/play/messages";
import * as review from "../features/review/messages";
import * as documents from "../features/documents/messages";
import * as library from "../features/library/messages";
import * as dashboard from "../features/dashboard/messages";
import * as authoring from "../features/authoring/messages";

export const en = { ...core.en, ...discover.en, ...play.en, ...review.en, ...documents.en, ...library.en, ...dashboard.en, ...authoring.en } as const;

export type MessageKey = keyof typeof en;
