// The library pages' strings, in English and in Spanish (the same keys; the i18n test checks them).
export { en } from "./messages.en";
export { es } from "./messages.es";
