/**
 * The frozen copy of an action that a confirmation panel shows and a flow signs. A module of its
 * own: an element freezes the action at the click that opens its panel, and loads the flow
 * (`flow.ts`) only when a transaction starts.
 */
import type { IcsAction } from './actions.js';

const ACTION_TYPES: ReadonlySet<string> = new Set(['opt-in', 'opt-out', 'assign-consumer-key', 'set-consumer-commission-rate']);

/**
 * A frozen copy of `action` holding only the fields its type has, each read once (a getter that
 * answers differently the second time changes nothing) and checked to be a string.
 */
export function frozenAction(action: IcsAction): IcsAction {
  const source = action as unknown as Record<string, unknown>;
  const type = source.type;
  if (typeof type !== 'string' || !ACTION_TYPES.has(type)) throw new TypeError(`Not a transaction this flow knows: ${String(type)}.`);
  const field = (name: string): string => {
    const value = source[name];
    if (typeof value !== 'string') throw new TypeError(`The action's "${name}" must be a string.`);
    return value;
  };
  const base = { validator: field('validator'), consumerId: field('consumerId') };
  switch (type as IcsAction['type']) {
    case 'opt-in': {
      const key = source.consumerKey;
      if (key !== undefined && typeof key !== 'string') throw new TypeError('The action\'s "consumerKey" must be a string.');
      return Object.freeze({ type: 'opt-in', ...base, consumerKey: key });
    }
    case 'opt-out':
      return Object.freeze({ type: 'opt-out', ...base });
    case 'assign-consumer-key':
      return Object.freeze({ type: 'assign-consumer-key', ...base, consumerKey: field('consumerKey') });
    case 'set-consumer-commission-rate':
      return Object.freeze({ type: 'set-consumer-commission-rate', ...base, rate: field('rate') });
  }
}
