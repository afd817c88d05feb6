// The header: the app's name, every feature's link, the profile, sign-out and the interface
// language. On a phone the links fold behind a Menu button (a disclosure), so the page starts with
// its content rather than three lines of links.
import { useState } from "preact/hooks";
import { Link, useLocation } from "wouter-preact";

import { signOut, tokens } from "./api/client";
import { FEATURES } from "./features/all";
import { CATALOGUES, locale, setLocale, t, type Locale } from "./i18n";

function LanguagePicker() {
  return (
    <label class="inline">
      {t("nav.language")}
      <select value={locale.value} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
        {Object.keys(CATALOGUES).map((code) => (
          <option value={code}>{code === "en" ? "English" : "Español"}</option>
        ))}
      </select>
    </label>
  );
}

export function Header() {
  const [open, setOpen] = useState(false);
  const [location] = useLocation();
  const signed = tokens.value !== null;
  const close = () => setOpen(false);
  return (
    <header>
      <a class="skip" href="#content">
        {t("nav.skip")}
      </a>
      <div class="bar">
        <Link href="/" class="brand" onClick={close}>
          {t("app.name")}
        </Link>
        {signed && (
          <button type="button" class="menu-toggle" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen(!open)}>
            {t("nav.menu")}
          </button>
        )}
      </div>
      <nav id="site-nav" aria-label={t("nav.main")} class={open ? "open" : ""}>
        {signed ? (
          <>
            {FEATURES.flatMap((feature) => feature.nav).map((entry) => (
              <Link href={entry.href} onClick={close} aria-current={location.startsWith(entry.href) ? "page" : undefined}>
                {t(entry.label)}
              </Link>
            ))}
            <Link href="/profile" onClick={close} aria-current={location === "/profile" ? "page" : undefined}>
              {t("nav.profile")}
            </Link>
            <button type="button" class="link" onClick={() => (close(), void signOut())}>
              {t("nav.signOut")}
            </button>
          </>
        ) : (
          <Link href="/sign-in">{t("nav.signIn")}</Link>
        )}
        <LanguagePicker />
      </nav>
    </header>
  );
}
