// The cards a run named in the learner's deck come a page at a time; the summary shows them all.
// No I/O of its own.
import type { components } from "../../api/schema";
import type { Answer } from "../../ui/load";

type Card = components["schemas"]["CardOut"];
type CardsPage = components["schemas"]["CardsPageOut"];

/** Every card, reading ``page`` from offset 0 on until a page says none follow. An empty page
 * ends it too, so a page that says more follow but brings none cannot keep it reading. */
export async function everyCard(page: (offset: number) => Promise<Answer<CardsPage>>): Promise<Answer<Card[]>> {
  const cards: Card[] = [];
  for (;;) {
    const { data, error } = await page(cards.length);
    if (data === undefined || error !== undefined) return { error };
    cards.push(...data.cards);
    if (!data.has_more || data.cards.length === 0) return { data: cards };
  }
}
