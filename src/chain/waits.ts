/**
 * What a read is waiting on, in words a person can read: the node's origin and what is being
 * asked ("ICS parameters"). The transport says when an attempt starts; a `WaitWatch` passed in
 * `ReadOptions` collects the attempts one logical load waits on (its own reads, and loads it
 * joined), so an element can say "Waiting for https://rest.example (ICS parameters)…".
 */

/** One HTTP attempt in flight. */
export interface Waiting {
  /** The endpoint's origin, e.g. "https://rest.example.com". */
  origin: string;
  /** What is asked, in words, e.g. "ICS parameters". */
  what: string;
  /** When the attempt started (`Date.now()`). */
  since: number;
}

/** The attempts one logical load (an element's load, a client call) waits on. */
export class WaitWatch {
  private readonly sources = new Set<() => Waiting | undefined>();

  /** Adds a source of the current attempt; returns its removal. */
  add(source: () => Waiting | undefined): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  /** The attempt waited on longest now, if any. */
  longest(): Waiting | undefined {
    let oldest: Waiting | undefined;
    for (const source of this.sources) {
      const waiting = source();
      if (waiting && (!oldest || waiting.since < oldest.since)) oldest = waiting;
    }
    return oldest;
  }
}

const ROUTE_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/\/node_info$/, 'node info'],
  [/\/blocks\/latest$/, 'latest block'],
  [/\/ccv\/provider\/params$/, 'ICS parameters'],
  [/\/consumer_chains_per_validator\//, "validator's consumer chains"],
  [/\/consumer_chains\//, 'consumer chains'],
  [/\/consumer_chain\//, 'consumer chain'],
  [/\/consumer_validators\//, 'consumer validators'],
  [/\/opted_in_validators\//, 'opted-in validators'],
  [/\/consumer_commission_rate\//, 'consumer commission'],
  [/\/validator_consumer_addr\//, 'consumer key'],
  [/\/address_pairs\//, 'address pairs'],
  [/\/blocks_until_next_epoch$/, 'next epoch'],
  [/\/consumer_id\//, 'consumer id'],
  [/\/throttle_state$/, 'throttle state'],
  [/\/registered_consumer_reward_denoms$/, 'reward denoms'],
  [/\/staking\/v1beta1\/validators\/[^/]+$/, 'validator'],
  [/\/staking\/v1beta1\/validators$/, 'validators'],
  [/\/staking\/v1beta1\/pool$/, 'staking pool'],
  [/\/staking\/v1beta1\/params$/, 'staking parameters'],
];

/** A REST path in words ("ICS parameters"); the path itself when it is not one the client reads. */
export function routeWords(path: string): string {
  const route = path.split('?')[0] ?? path;
  for (const [pattern, words] of ROUTE_WORDS) if (pattern.test(route)) return words;
  return route;
}

/** Milliseconds as seconds for a sentence: "0.4", "2.5", "10". */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return s >= 10 ? String(Math.round(s)) : String(Math.round(s * 10) / 10);
}
