// API calls whose answer needs a word of translation before the pages use it.
import { attempt, type Outcome } from "../../ui/load";

/** For a call answered with no body (204): it worked when the response did. */
export function attemptEmpty(call: Promise<{ error?: unknown; response: Response }>): Promise<Outcome<true>> {
  return attempt(call.then(({ error, response }) => (response.ok ? { data: true as const } : { error })));
}

/** Like ``attempt``, also telling the response's status (null when the network failed), for a
 * page that answers one refusal in its own way. */
export async function attemptWithStatus<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ outcome: Outcome<T>; status: number | null }> {
  let status: number | null = null;
  const outcome = await attempt(
    call.then((answer) => {
      status = answer.response.status;
      return answer;
    }),
  );
  return { outcome, status };
}
