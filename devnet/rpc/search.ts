/**
 * `tx_search` queries as CometBFT's kv indexer reads them: conditions joined by AND, each
 * `key op value` with op one of = < <= > >=, CONTAINS or EXISTS; keys are `tx.hash`, `tx.height`
 * or `<event type>.<attribute>`; values are 'quoted strings' or numbers.
 */
import type { IndexedTx } from '../tx/engine.js';

interface Condition {
  key: string;
  op: '=' | '<' | '<=' | '>' | '>=' | 'CONTAINS' | 'EXISTS';
  value: string;
}

export class QueryError extends Error {}

export function parseQuery(text: string): Condition[] {
  const parts = text
    .split(/\s+AND\s+/i)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new QueryError('query cannot be empty');
  return parts.map((part) => {
    const exists = /^([\w.-]+)\s+EXISTS$/i.exec(part);
    if (exists) return { key: exists[1]!, op: 'EXISTS', value: '' };
    const match = /^([\w.-]+)\s*(<=|>=|=|<|>|CONTAINS)\s*(?:'([^']*)'|(-?\d+(?:\.\d+)?))$/i.exec(part);
    if (!match) throw new QueryError(`failed to parse query: ${part}`);
    return { key: match[1]!, op: match[2]!.toUpperCase() as Condition['op'], value: match[3] ?? match[4]! };
  });
}

function valuesOf(tx: IndexedTx, key: string): string[] {
  if (key === 'tx.hash') return [tx.hash];
  if (key === 'tx.height') return [String(tx.height)];
  const dot = key.lastIndexOf('.');
  const type = key.slice(0, dot);
  const attribute = key.slice(dot + 1);
  return tx.result.events.filter((e) => e.type === type).flatMap((e) => e.attributes.filter((a) => a.key === attribute).map((a) => a.value));
}

function holds(condition: Condition, value: string): boolean {
  switch (condition.op) {
    case 'EXISTS':
      return true;
    case 'CONTAINS':
      return value.includes(condition.value);
    case '=':
      return condition.key === 'tx.hash' ? value.toUpperCase() === condition.value.toUpperCase() : value === condition.value;
    default: {
      const [a, b] = [Number(value), Number(condition.value)];
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return condition.op === '<' ? a < b : condition.op === '<=' ? a <= b : condition.op === '>' ? a > b : a >= b;
    }
  }
}

export function matches(tx: IndexedTx, conditions: readonly Condition[]): boolean {
  return conditions.every((c) => valuesOf(tx, c.key).some((v) => holds(c, v)));
}
