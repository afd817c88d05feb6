// The English interface: every string the client shows. Spanish (es.ts) has the same keys.
export const en = {
  "app.name": "Parla",
  "app.tagline": "Role-play real situations with an AI tutor, study your own documents, and review what you learned.",
  "nav.home": "Home",
  "nav.signIn": "Sign in",
  "nav.signUp": "Create an account",
  "nav.signOut": "Sign out",
  "nav.language": "Interface language",
  "form.email": "E-mail",
  "form.password": "Password",
  "form.passwordHint": "8 to 128 characters",
  "form.displayName": "Your name",
  "form.submit.signIn": "Sign in",
  "form.submit.signUp": "Create my account",
  "form.working": "One moment…",
  "form.noAccount": "New here? Create an account",
  "form.haveAccount": "Already have an account? Sign in",
  "error.network": "Parla could not be reached. Check your connection and try again.",
  "error.unknown": "Something went wrong. Try again in a moment.",
  "home.welcome": "Welcome, {name}",
  "home.level": "Level {level} · {xp} XP",
  "home.streak": "{days}-day streak",
  "loading": "Loading…",
} as const;

export type MessageKey = keyof typeof en;
