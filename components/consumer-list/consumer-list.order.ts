/**
 * Which rows `<ics-consumer-list>` shows and in what order: the search, the spam filter and the
 * sorts, over rows and (once they are to be used) their figures. Plain code, no DOM.
 */
import { stripInvisible } from '../../src/format/index.js';
import type { ChainRow, RowFigures } from './consumer-list.load.js';

export type ConsumerListSort = 'share' | 'validators' | 'name' | 'consumer-id' | 'spawn-time';
export const SORTS: readonly ConsumerListSort[] = ['share', 'validators', 'name', 'consumer-id', 'spawn-time'];

/** A row's figures, or undefined while they are not to be used (not read, failed, or not settled). */
export type FiguresOf = (row: ChainRow) => RowFigures | undefined;

export interface RowChoice {
  search: string;
  showEmpty: boolean;
  sort: ConsumerListSort;
}

/**
 * The rows matching the search, in `sort` order, without the chains no validator opted in to
 * (unless `showEmpty`); `hidden` counts those. A row without figures is never hidden as spam.
 */
export function rowsToShow(all: readonly ChainRow[], choice: RowChoice, figuresOf: FiguresOf): { rows: ChainRow[]; hidden: number } {
  const needle = stripInvisible(choice.search.trim()).toLowerCase();
  let hidden = 0;
  const rows = all.filter((row) => {
    const figures = figuresOf(row);
    if (!choice.showEmpty && figures?.validators === 0 && (figures.optedIn ?? 0) === 0) {
      hidden++;
      return false;
    }
    if (!needle) return true;
    const { chain } = row;
    return [stripInvisible(chain.metadata.name), chain.chainId, chain.consumerId, `#${chain.consumerId}`].some((s) => s.toLowerCase().includes(needle));
  });
  return { rows: rows.sort(comparator(choice.sort, figuresOf)), hidden };
}

/** The order of `sort`; `figuresOf` gives a row's figures, undefined while they are not to be used (they go last). */
export function comparator(sort: ConsumerListSort, figuresOf: FiguresOf): (a: ChainRow, b: ChainRow) => number {
  const byId = (a: ChainRow, b: ChainRow) => {
    const x = BigInt(a.chain.consumerId);
    const y = BigInt(b.chain.consumerId);
    return x === y ? 0 : x < y ? -1 : 1;
  };
  switch (sort) {
    case 'consumer-id':
      return byId;
    case 'name':
      return (a, b) => stripInvisible(a.chain.metadata.name).localeCompare(stripInvisible(b.chain.metadata.name)) || byId(a, b);
    case 'validators':
      return (a, b) => (figuresOf(b)?.validators ?? -1) - (figuresOf(a)?.validators ?? -1) || byId(a, b);
    case 'spawn-time':
      return (a, b) => (figuresOf(a)?.spawnTime?.getTime() ?? Infinity) - (figuresOf(b)?.spawnTime?.getTime() ?? Infinity) || byId(a, b);
    default:
      return (a, b) => (figuresOf(b)?.stakeShare ?? -1) - (figuresOf(a)?.stakeShare ?? -1) || byId(a, b);
  }
}
