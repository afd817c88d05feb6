import { Link, Redirect, Route, Switch } from "wouter-preact";

import { tokens } from "./api/client";
import { FEATURES } from "./features/all";
import { useBackgroundSync } from "./features/review/background";
import { Header } from "./Header";
import { t } from "./i18n";
import { AuthForm } from "./pages/AuthForm";
import { Home } from "./pages/Home";
import { Profile } from "./pages/Profile";

function NotFound() {
  return (
    <main>
      <h1>{t("notFound.title")}</h1>
      <p>
        <Link href="/">{t("notFound.home")}</Link>
      </p>
    </main>
  );
}

export function App() {
  const signed = tokens.value !== null;
  useBackgroundSync(tokens.value?.access ?? null);
  return (
    <>
      <Header />
      <div id="content" tabIndex={-1}>
        <Switch>
          <Route path="/sign-in">{signed ? <Redirect to="/" /> : <AuthForm mode="signIn" />}</Route>
          <Route path="/sign-up">{signed ? <Redirect to="/" /> : <AuthForm mode="signUp" />}</Route>
          <Route path="/profile">{signed ? <Profile /> : <Redirect to="/sign-in" />}</Route>
          {FEATURES.flatMap((feature) => feature.routes).map(({ path, page: Page }) => (
            <Route path={path}>{signed ? <Page /> : <Redirect to="/sign-in" />}</Route>
          ))}
          <Route path="/">{signed ? <Home /> : <Redirect to="/sign-in" />}</Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </div>
    </>
  );
}
