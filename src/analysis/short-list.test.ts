import { describe, expect, it } from 'vitest';
import { LONG_LIST_LIMIT, shortList } from './short-list.ts';

const isEven = (n: number) => n % 2 === 0;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('shortList', () => {
  it('keeps a list up to the limit whole', () => {
    expect(shortList(range(4), isEven, { limit: 4 })).toEqual({ items: [0, 1, 2, 3], omitted: 0 });
    expect(shortList(range(LONG_LIST_LIMIT), () => false)).toEqual({ items: range(LONG_LIST_LIMIT), omitted: 0 });
  });

  it('past the limit lists the key items, in order, and counts the rest', () => {
    expect(shortList(range(5), isEven, { limit: 4 })).toEqual({ items: [0, 2, 4], omitted: 2 });
    expect(shortList(range(LONG_LIST_LIMIT + 1), (n) => n === 7)).toEqual({ items: [7], omitted: LONG_LIST_LIMIT });
  });

  it('counts everything when even the key items are too many', () => {
    expect(shortList(range(10), isEven, { limit: 4 })).toEqual({ items: [], omitted: 10 });
  });

  it('with keyAlways lists every key item, and the others unless they alone are past the limit', () => {
    expect(shortList(range(10), isEven, { limit: 4, keyAlways: true })).toEqual({ items: [0, 2, 4, 6, 8], omitted: 5 });
    expect(shortList(range(10), (n) => n < 6, { limit: 4, keyAlways: true })).toEqual({ items: range(10), omitted: 0 });
  });
});
