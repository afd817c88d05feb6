// The authoring pages' strings, in English and in Spanish (the same keys; the i18n test checks them),
// kept by page in strings/.
import * as budget from "./strings/budget";
import * as editor from "./strings/editor";
import * as scenarios from "./strings/scenarios";

export const en = { ...scenarios.en, ...editor.en, ...budget.en } as const;

export const es: Record<keyof typeof en, string> = { ...scenarios.es, ...editor.es, ...budget.es };
