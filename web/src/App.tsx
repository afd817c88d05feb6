import { Link, Redirect, Route, Switch } from "wouter-preact";

import { signedIn, tokens } from "./api/client";
import { CATALOGUES, locale, setLocale, t, type Locale } from "./i18n";
import { FEATURES } from "./features/all";
import { AuthForm } from "./pages/AuthForm";
import { Home } from "./pages/Home";
import { Profile } from "./pages/Profile";

function Header() {
  return (
    <header>
      <nav aria-label={t("app.name")}>
        <Link href="/" class="brand">
          {t("app.name")}
        </Link>
        {tokens.value ? (
          <>
            {FEATURES.flatMap((feature) => feature.nav).map((entry) => (
              <Link href={entry.href}>{t(entry.label)}</Link>
            ))}
            <Link href="/profile">{t("nav.profile")}</Link>
            <button type="button" class="link" onClick={() => signedIn(null)}>
              {t("nav.signOut")}
            </button>
          </>
        ) : (
          <Link href="/sign-in">{t("nav.signIn")}</Link>
        )}
        <label class="inline">
          {t("nav.language")}
          <select value={locale.value} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
            {Object.keys(CATALOGUES).map((code) => (
              <option value={code}>{code === "en" ? "English" : "Español"}</option>
            ))}
          </select>
        </label>
      </nav>
    </header>
  );
}

export function App() {
  const signed = tokens.value !== null;
  return (
    <>
      <Header />
      <Switch>
        <Route path="/sign-in">{signed ? <Redirect to="/" /> : <AuthForm mode="signIn" />}</Route>
        <Route path="/sign-up">{signed ? <Redirect to="/" /> : <AuthForm mode="signUp" />}</Route>
        <Route path="/profile">{signed ? <Profile /> : <Redirect to="/sign-in" />}</Route>
        {FEATURES.flatMap((feature) => feature.routes).map(({ path, page: Page }) => (
          <Route path={path}>{signed ? <Page /> : <Redirect to="/sign-in" />}</Route>
        ))}
        <Route path="/">{signed ? <Home /> : <Redirect to="/sign-in" />}</Route>
      </Switch>
    </>
  );
}
