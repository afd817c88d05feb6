import { describe, expect, it } from "vitest";

import { appended, fromHub, fromTotal, gather, replaced, type RawPage } from "./paging";

const same = <T>(items: T[]) => items;

/** Pages of ``size`` from ``all``, as an API with has_more answers them, counting the calls. */
function source(all: number[], size: number) {
  const calls: number[] = [];
  const fetchPage = async (offset: number) => {
    calls.push(offset);
    const items = all.slice(offset, offset + size);
    return { data: { items, hasMore: offset + size < all.length } as RawPage<number> };
  };
  return { calls, fetchPage };
}

describe("a page with a total", () => {
  it("has more while the items so far are fewer than the total", () => {
    expect(fromTotal([1, 2], 0, 3).hasMore).toBe(true);
    expect(fromTotal([3], 2, 3).hasMore).toBe(false);
  });
});

describe("a hub list", () => {
  it("may have more when it came full, and has none when it came short", () => {
    expect(fromHub([1, 2, 3], 3)).toEqual({ items: [1, 2, 3], hasMore: true, next: 3 });
    expect(fromHub([1, 2], 3).hasMore).toBe(false);
  });
});

describe("gathering a page", () => {
  it("reads one page and says where the next starts", async () => {
    const { calls, fetchPage } = source([1, 2, 3, 4, 5], 2);
    expect(await gather(fetchPage, same, 2)).toEqual({ data: { items: [3, 4], hasMore: true, next: 4 } });
    expect(calls).toEqual([2]);
  });

  it("reads on past pages a filter empties, so 'more' never shows an empty page", async () => {
    const { calls, fetchPage } = source([1, 3, 5, 7, 8, 9, 10], 2);
    const even = (items: number[]) => items.filter((n) => n % 2 === 0);
    expect(await gather(fetchPage, even, 0)).toEqual({ data: { items: [8], hasMore: true, next: 6 } });
    expect(calls).toEqual([0, 2, 4]);
  });

  it("stops after a few pages, leaving 'more' to the learner", async () => {
    const { calls, fetchPage } = source(Array.from({ length: 20 }, (_, n) => 2 * n + 1), 2);
    const even = (items: number[]) => items.filter((n) => n % 2 === 0);
    expect(await gather(fetchPage, even, 0, 3)).toEqual({ data: { items: [], hasMore: true, next: 6 } });
    expect(calls).toEqual([0, 2, 4]);
  });

  it("stops when the list ends, even if the API said more would follow", async () => {
    const fetchPage = async () => ({ data: { items: [] as number[], hasMore: true } });
    expect(await gather(fetchPage, same, 4)).toEqual({ data: { items: [], hasMore: false, next: 4 } });
  });

  it("passes the API's refusal on", async () => {
    const refusal = { error: { code: "invalid_argument", message: "no" } };
    expect(await gather(async () => refusal, same, 0)).toEqual({ error: refusal.error });
  });
});

describe("a longer list", () => {
  const key = (item: { id: string }) => item.id;

  it("shows each item once when the list moved between pages", () => {
    const before = { items: [{ id: "a" }, { id: "b" }], hasMore: true, next: 2 };
    const page = { items: [{ id: "b" }, { id: "c" }], hasMore: false, next: 4 };
    expect(appended(before, page, key)).toEqual({ items: [{ id: "a" }, { id: "b" }, { id: "c" }], hasMore: false, next: 4 });
  });

  it("takes a changed item in place of the old one", () => {
    const paged = { items: [{ id: "a", n: 1 }, { id: "b", n: 1 }], hasMore: false, next: 2 };
    expect(replaced(paged, { id: "b", n: 2 }, key).items).toEqual([{ id: "a", n: 1 }, { id: "b", n: 2 }]);
  });
});
