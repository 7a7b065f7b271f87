/**
 * Helpers for the element tests in Chromium: mount an element, wait for a custom state, run
 * axe on its shadow content, count requests, capture console warnings.
 */
import type { AxeResults, RunOptions } from 'axe-core';
import { devnetControl } from '../shared/devnet-control.js';
import { configure, resetSharedClients } from '../../components/shared/clients.js';
import type { ProviderConfigInput } from '../../src/index.js';
import type { ViewState } from '../../components/shared/data-element.js';

declare global {
  interface Window {
    __ICS_DEVNET__: { rest: string; rpc: string; manyChainsRest: string; fiveHundredRest: string };
    axe?: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

export const devnet = devnetControl(window.__ICS_DEVNET__.rest);
export const REST = window.__ICS_DEVNET__.rest;
export const RPC = window.__ICS_DEVNET__.rpc;

const mounted: Element[] = [];

/** Puts the markup in a fresh container on the page and returns its first element. */
export function mount<T extends Element = HTMLElement>(markup: string): T {
  const box = document.createElement('div');
  box.innerHTML = markup;
  document.body.append(box);
  mounted.push(box);
  return box.firstElementChild as T;
}

/** Removes what `mount` added, forgets shared clients (and their caches), clears faults. */
export async function cleanUp(): Promise<void> {
  for (const box of mounted.splice(0)) box.remove();
  resetSharedClients();
  await devnet.reset();
}

/** Runs `fn` with `config` as the page's default provider (`configure()`), and clears that default after it. */
export async function withPageDefault(config: ProviderConfigInput, fn: () => Promise<void>): Promise<void> {
  configure(config);
  try {
    await fn();
  } finally {
    configure(undefined);
  }
}

/** The element's current custom state among the ones data elements use. */
export function stateOf(el: Element): ViewState | undefined {
  for (const s of ['loading', 'complete', 'empty', 'error', 'ics-absent', 'invalid'] as const) {
    if (el.matches(`:state(${s})`)) return s;
  }
  return undefined;
}

/**
 * Waits until the element is in `state` (a view state, or an acting element's own such as
 * "confirming"), or fails naming the state it is in.
 */
export async function until(el: Element, state: ViewState | (string & {}), timeoutMs = 8000): Promise<void> {
  // A pending update (a retry, a new attribute) lands first, so an old state is not mistaken for the new one.
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (el.matches(`:state(${state})`)) {
      await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const status = (el as unknown as { status?: string }).status;
  const text = (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').slice(0, 400);
  throw new Error(`<${el.localName}> did not reach :state(${state}); it is in ${stateOf(el) ?? 'no state'}${status ? ` (status ${status})` : ''}: "${text}"`);
}

/** Text of the shadow root, whitespace collapsed. */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

let axeLoaded: Promise<void> | undefined;

/** axe-core is a UMD script: load it once as a classic script from node_modules. */
function loadAxe(): Promise<void> {
  axeLoaded ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('could not load axe-core'));
    document.head.append(script);
  });
  return axeLoaded;
}

/** Runs axe on the element (its shadow tree included) and returns the violations in words. */
export async function axeViolations(el: Element): Promise<string[]> {
  await loadAxe();
  const results = await window.axe!.run(el, { resultTypes: ['violations'] });
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

/** Collects `console.warn` calls while `fn` runs. */
export async function captureWarnings(fn: () => Promise<void> | void): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return warnings;
}

/** Records the URL of every fetch the page makes while installed. */
export function countFetches(): { urls: string[]; restore: () => void } {
  const urls: string[] = [];
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return original(input, init);
  };
  return { urls, restore: () => (window.fetch = original) };
}

/** Next animation frame (a render has landed). */
export const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

/** Waits until the shadow text matches (a check that lands once the chain is read), or fails showing it. */
export async function untilShadowText(el: Element, pattern: RegExp, timeoutMs = 8000): Promise<void> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (pattern.test(shadowText(el))) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`<${el.localName}> never showed ${String(pattern)}: "${shadowText(el).slice(0, 400)}"`);
}
