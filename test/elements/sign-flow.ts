/**
 * The sign-flow steps the acting elements' tests share (served by Vite: they load the test wallet,
 * hence cosmjs): the devnet's URLs, a test wallet for a devnet test operator, connecting it, pressing
 * a button and waiting for the state it leads to (open, confirm, wait for inclusion, close), typing
 * into a field, waiting for a custom state or a text, and collecting the `ics-tx-*` events.
 */
import type { sendKeys as SendKeys } from '@web/test-runner-commands';
import { TestWallet } from '../../src/signing/test-wallet.js';
import { TEST_OPERATORS, testOperator } from '../../devnet/test-keys.js';
import type { TestOperatorRole } from '../../devnet/test-keys.js';
import { forgetWalletConnections } from '../../components/shared/wallet-connections.js';
import { cleanUp, until } from './helpers.js';

export const DEVNET = (window as unknown as { __ICS_DEVNET__: { rest: string; rpc: string } }).__ICS_DEVNET__;
export const sendKeys = (window as unknown as { __sendKeys: typeof SendKeys }).__sendKeys;
export const CHAIN_ID = 'provider-devnet-1';

/** A test wallet with the given operators' keys (the first is selected), installed as `window.keplr`. */
export async function installWallet(...roles: TestOperatorRole[]): Promise<TestWallet> {
  const wallet = await TestWallet.create({
    accounts: roles.map((role) => ({ mnemonic: testOperator(role).mnemonic, name: `test ${role}` })),
  });
  wallet.install(window as unknown as { keplr?: unknown });
  return wallet;
}

export function removeWallet(): void {
  delete (window as unknown as { keplr?: unknown }).keplr;
  forgetWalletConnections();
}

/** Each test of the calling suite starts with no wallet installed and no element or devnet state left from the one before. */
export function freshPageEachTest(): void {
  const reset = async () => {
    removeWallet();
    await cleanUp();
  };
  beforeEach(reset);
  after(reset);
}

export const operator = (role: TestOperatorRole) => testOperator(role).operator;
export { TEST_OPERATORS };

/** Waits for a custom state (any name): the components' `until`. */
export { until as untilState } from './helpers.js';

export interface TxEvents {
  signed: Event[];
  confirmed: Event[];
  failed: Event[];
}

/** Records the `ics-tx-*` events that reach the document. */
export function recordTxEvents(): TxEvents & { stop: () => void } {
  const events: TxEvents = { signed: [], confirmed: [], failed: [] };
  const on = {
    signed: (e: Event) => events.signed.push(e),
    confirmed: (e: Event) => events.confirmed.push(e),
    failed: (e: Event) => events.failed.push(e),
  };
  document.addEventListener('ics-tx-signed', on.signed);
  document.addEventListener('ics-tx-confirmed', on.confirmed);
  document.addEventListener('ics-tx-failed', on.failed);
  return {
    ...events,
    stop: () => {
      document.removeEventListener('ics-tx-signed', on.signed);
      document.removeEventListener('ics-tx-confirmed', on.confirmed);
      document.removeEventListener('ics-tx-failed', on.failed);
    },
  };
}

/** Clicks the shadow button whose text matches. */
export function clickButton(el: Element, text: RegExp): HTMLButtonElement {
  const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text.test(b.textContent ?? ''));
  if (!button) throw new Error(`no button ${String(text)} in <${el.localName}>: ${(el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').slice(0, 300)}`);
  button.click();
  return button;
}

/** Waits until the shadow text matches (a reload after a transaction lands), or fails showing it. */
export async function untilText(el: Element, pattern: RegExp, timeoutMs = 8000): Promise<void> {
  const start = performance.now();
  const text = () => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
  while (performance.now() - start < timeoutMs) {
    if (pattern.test(text())) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`<${el.localName}> never showed ${String(pattern)}: "${text().slice(0, 400)}"`);
}

/**
 * One step of a sign flow: presses the shadow button whose text matches and waits for the state it
 * leads to (`confirming` after opening, `confirmed` or `failed` after Confirm, `ready` after Back…).
 * Waiting for inclusion needs a longer `timeoutMs` than the default.
 */
export async function press(el: Element, text: RegExp, state: string, timeoutMs?: number): Promise<void> {
  clickButton(el, text);
  await until(el, state, timeoutMs);
}

/** Connects the installed wallet: waits for the Connect step, presses "Connect Keplr", waits for `state`. */
export async function connectWallet(el: Element, state: string): Promise<void> {
  await until(el, 'connect');
  await press(el, /Connect Keplr/, state);
}

/** Connects the installed wallet to an opt-in button and opens its opt-in panel. */
export async function openOptIn(el: Element): Promise<void> {
  await connectWallet(el, 'not-opted-in');
  await press(el, /^Opt in$/, 'confirming');
}

/** Types `value` into the shadow field (an input or a textarea) as a person would, and waits for the render. */
export async function typeInto(el: Element, selector: string, value: string): Promise<void> {
  const field = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
}

/** The JSON form of an ed25519 consumer key, as a validator pastes it. */
export const keyJson = (key: string) => JSON.stringify({ '@type': '/cosmos.crypto.ed25519.PubKey', key });
