// Whose reviews these are: each learner has their own queue in the browser, named after the
// subject of their access token (a JWT), so that on a shared browser one learner's offline
// reviews are never sent with another's account.

/** The queue database's name for the learner holding ``accessToken``. */
export function queueName(accessToken: string): string {
  return `parla.reviews.${subjectOf(accessToken) ?? "learner"}`;
}

/** The token's "sub" claim, or null when the token is not a readable JWT. The signature is
 * the server's business: this only names a local store. */
export function subjectOf(accessToken: string): string | null {
  const payload = accessToken.split(".")[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const claims: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
    const sub = (claims as { sub?: unknown } | null)?.sub;
    return typeof sub === "string" && sub ? sub : null;
  } catch {
    return null;
  }
}
