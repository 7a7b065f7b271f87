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

/** A row's figures as read so far: read, failed (an Error), or not yet (undefined). */
export type ReadOf = (row: ChainRow) => RowFigures | Error | undefined;

export interface RowChoice {
  search: string;
  showEmpty: boolean;
  sort: ConsumerListSort;
}

export interface RowsShown {
  rows: ChainRow[];
  /** Chains hidden for having no opted-in validator. */
  hidden: number;
  /** Rows held back until their figures say whether they are shown (see `rowsToShow`). */
  withheld: number;
}

/**
 * The rows matching the search, without the chains no validator opted in to (unless
 * `showEmpty`); `hidden` counts those. Once `settled`, in `sort` order by the figures; before,
 * in the order the chain list alone decides, so rows keep their place while figures fill in.
 *
 * Before `settled` and without `showEmpty`, a row whose figures are not read yet may turn out to
 * be spam: shown now, it would vanish later. So the rows show in order up to the first such row
 * and the rest are `withheld`: rows only ever join at the foot, and none leaves. A row whose
 * figures could not be read is never hidden as spam.
 */
export function rowsToShow(all: readonly ChainRow[], choice: RowChoice, readOf: ReadOf, settled: boolean): RowsShown {
  const needle = stripInvisible(choice.search.trim()).toLowerCase();
  const figuresOf: FiguresOf = (row) => {
    const figures = readOf(row);
    return figures instanceof Error ? undefined : figures;
  };
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
  rows.sort(comparator(choice.sort, settled ? figuresOf : () => undefined));
  const undecided = settled || choice.showEmpty ? -1 : rows.findIndex((row) => readOf(row) === undefined);
  if (undecided < 0) return { rows, hidden, withheld: 0 };
  return { rows: rows.slice(0, undecided), hidden, withheld: rows.length - undecided };
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
