/**
 * Version-aware registration. A page may load the package twice (an app bundle and a CDN
 * script, or two micro-frontends): the same version registering again is a no-op, and a
 * different version finding the tag taken warns once instead of throwing.
 */
import { VERSION } from './version.js';

interface Versioned {
  version?: string;
}

/**
 * Registers `ctor` as `tag` unless the tag is already defined. Does nothing where there is no
 * `customElements` (Node without a DOM shim), so a `define.ts` can be imported anywhere.
 */
export function define(tag: string, ctor: CustomElementConstructor & Versioned): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag) as (CustomElementConstructor & Versioned) | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  const mine = ctor.version ?? VERSION;
  const theirs = existing.version ?? 'an unknown version';
  if (theirs === mine) return;
  // One warning per pair of versions, not one per tag: a second bundle defines several tags.
  const warned = ((globalThis as typeof globalThis & { [WARNED]?: Set<string> })[WARNED] ??= new Set<string>());
  if (warned.has(`${mine}|${theirs}`)) return;
  warned.add(`${mine}|${theirs}`);
  console.warn(
    `ics-elements ${mine}: <${tag}> is already defined by ics-elements ${theirs}, so this copy's elements are not used ` +
      `(the page keeps version ${theirs}). Load one version of ics-elements per page.`,
  );
}

const WARNED = Symbol.for('ics-elements/define-warned');
