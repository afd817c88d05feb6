import { useState } from "preact/hooks";
import { Link, useLocation } from "wouter-preact";

import { api, signedIn } from "../api/client";
import { fromTokenResponse } from "../auth/session";
import { t } from "../i18n";
import { problem } from "./problem";
import { LANGUAGES, type Language } from "../i18n/names";

/** Sign in, or create an account: one form, the fields of the mode it is in. */
export function AuthForm({ mode }: { mode: "signIn" | "signUp" }) {
  const [, navigate] = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [learning, setLearning] = useState<Language>("es");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer =
        mode === "signIn"
          ? await api.POST("/api/v1/auth/login", { body: { email, password } })
          : await api.POST("/api/v1/auth/register", { body: { email, password, display_name: name, target_languages: [learning] } });
      if (answer.data) {
        signedIn(fromTokenResponse(answer.data, Date.now()));
        navigate("/");
      } else {
        setError(problem(answer.error));
      }
    } catch {
      setError(t("error.network"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="narrow">
      <h1>{t(mode === "signIn" ? "nav.signIn" : "nav.signUp")}</h1>
      <form onSubmit={submit} aria-describedby={error ? "form-error" : undefined}>
        {mode === "signUp" && (
          <label>
            {t("form.displayName")}
            <input required maxLength={80} autoComplete="nickname" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
        )}
        {mode === "signUp" && (
          <label>
            {t("form.learning")}
            <select value={learning} onChange={(e) => setLearning(e.currentTarget.value as Language)}>
              {LANGUAGES.map((code) => (
                <option value={code}>{t(`language.${code}`)}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t("form.email")}
          <input type="email" required autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          {t("form.password")}
          <input
            type="password"
            required
            minLength={mode === "signUp" ? 8 : 1}
            maxLength={128}
            autoComplete={mode === "signUp" ? "new-password" : "current-password"}
            aria-describedby={mode === "signUp" ? "password-hint" : undefined}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {mode === "signUp" && <p id="password-hint" class="hint">{t("form.passwordHint")}</p>}
        <p id="form-error" class="error" role="alert" aria-live="assertive">
          {error}
        </p>
        <button type="submit" disabled={busy}>
          {busy ? t("form.working") : t(mode === "signIn" ? "form.submit.signIn" : "form.submit.signUp")}
        </button>
      </form>
      <p>
        <Link href={mode === "signIn" ? "/sign-up" : "/sign-in"}>{t(mode === "signIn" ? "form.noAccount" : "form.haveAccount")}</Link>
      </p>
    </main>
  );
}
