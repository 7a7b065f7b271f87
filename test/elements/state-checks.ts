/**
 * The checks the element tests repeat for every element: a state and its words, axe finding
 * nothing (while loading too), an HTTP error that Retry clears once the devnet's faults are
 * lifted, a provider without ICS, and a bad "validator" attribute.
 */
import { assert } from 'chai';
import { decodeAddress, encodeAddress } from '../../src/chain/bech32.js';
import { $, axeViolations, devnet, shadowText, until, untilShadowText } from './helpers.js';

/** Axe finds no violation in the element (its shadow tree included). */
export async function noAxe(el: Element): Promise<void> {
  assert.deepEqual(await axeViolations(el), []);
}

/** Waits until the element is in `state`, then checks that its shadow text says `words`. */
export async function untilStateSays(el: Element, state: string, words: RegExp, timeoutMs?: number): Promise<void> {
  await until(el, state, timeoutMs);
  assert.match(shadowText(el), words);
}

/** Lifts the devnet's faults and presses Retry (the only button an element shows in its error state). */
export async function retryWithoutFaults(el: Element): Promise<void> {
  await devnet.faults(null);
  $<HTMLButtonElement>(el, 'button')!.click();
}

/**
 * Mounts the element while the devnet answers slowly, checks axe in its loading state, then lets
 * the devnet answer and waits for `state` (the state it settles in).
 */
export async function noAxeWhileLoading<T extends Element>(mountElement: () => T, state: string): Promise<T> {
  await devnet.faults({ latencyMs: 300 });
  const el = mountElement();
  await until(el, 'loading');
  await noAxe(el);
  await devnet.faults(null);
  await until(el, state);
  return el;
}

/**
 * The element, mounted while every read it makes fails with HTTP `status`, shows the error in
 * words and passes axe; pressing Retry once the fault is lifted loads it (`loaded` waits for that).
 */
export async function recoversFromHttpError<T extends Element>(
  el: T,
  status: number,
  loaded: (el: T) => Promise<void> = (e) => until(e, 'complete'),
): Promise<void> {
  await untilStateSays(el, 'error', new RegExp(`HTTP ${status}`));
  await noAxe(el);
  await retryWithoutFaults(el);
  await loaded(el);
}

/** With the devnet's ICS module gone, the element mounted then says that ICS is not available, and passes axe. */
export async function saysIcsAbsent<T extends Element>(mountElement: () => T): Promise<T> {
  await devnet.ics('absent');
  const el = mountElement();
  await untilStateSays(el, 'ics-absent', /ICS is not available/);
  await noAxe(el);
  return el;
}

/** A validator operator address whose checksum is wrong. */
export const BAD_CHECKSUM_VALOPER = 'cosmosvaloper1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqx';

/**
 * An element mounted with `validator` set to BAD_CHECKSUM_VALOPER names the checksum; then, given
 * `operator` under another chain's prefix, it names the prefix.
 */
export async function namesChecksumThenPrefix(el: Element & { validator?: string | undefined }, operator: string): Promise<void> {
  await untilStateSays(el, 'invalid', /checksum/);
  el.validator = encodeAddress('osmovaloper', decodeAddress(operator).bytes);
  // The prefix is checked once the chain's prefixes are read (the checksum at once).
  await untilShadowText(el, /prefix "osmovaloper"/);
  await until(el, 'invalid');
}
