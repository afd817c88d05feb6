import type { MessageKey } from "./en";

// La interfaz en español: las mismas claves que en.ts.
export const es: Record<MessageKey, string> = {
  "app.name": "Parla",
  "app.tagline": "Practica situaciones reales con un tutor de IA, estudia tus propios documentos y repasa lo aprendido.",
  "nav.home": "Inicio",
  "nav.signIn": "Entrar",
  "nav.signUp": "Crear una cuenta",
  "nav.signOut": "Salir",
  "nav.language": "Idioma de la interfaz",
  "form.email": "Correo electrónico",
  "form.password": "Contraseña",
  "form.passwordHint": "De 8 a 128 caracteres",
  "form.displayName": "Tu nombre",
  "form.submit.signIn": "Entrar",
  "form.submit.signUp": "Crear mi cuenta",
  "form.working": "Un momento…",
  "form.noAccount": "¿Eres nuevo? Crea una cuenta",
  "form.haveAccount": "¿Ya tienes cuenta? Entra",
  "error.network": "No se pudo conectar con Parla. Revisa tu conexión e inténtalo de nuevo.",
  "error.unknown": "Algo salió mal. Inténtalo de nuevo en un momento.",
  "home.welcome": "Hola, {name}",
  "home.level": "Nivel {level} · {xp} XP",
  "home.streak": "Racha de {days} días",
  loading: "Cargando…",
};
