/**
 * What the core (src/ minus the devnet) uses of its platform, typed without the DOM.
 *
 * The core runs in browsers, workers and Node alike, so `tsconfig.core.json` checks it against
 * the ECMAScript library alone: a stray `document` or `HTMLElement` fails the typecheck instead
 * of failing in a worker or on a server. What it does use is the small set of web APIs every one
 * of those platforms has (WHATWG fetch, URL, abort signals, timers, WebCrypto's digest, atob/btoa, Event),
 * declared here with only the members the core touches. Not `@types/node`: that would let
 * Node-only APIs (`Buffer`, `process`) through just as the DOM lets browser-only ones through.
 *
 * Only tsconfig.core.json includes this file; every other project has the DOM's (or Node's) own,
 * fuller declarations of the same names.
 */
// Globals are `declare var`, as in TypeScript's own lib files: only a var is also a property of
// `globalThis` (the core reads `globalThis.fetch` and `globalThis.crypto`).
/* eslint-disable no-var */

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare var AbortSignal: { prototype: AbortSignal };

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };

/** Opaque, as the platforms differ: a number in browsers, an object in Node. */
interface TimeoutHandle {
  readonly __timeoutHandle?: never;
}
declare function setTimeout(handler: (...args: never[]) => void, timeout?: number): TimeoutHandle;
declare function clearTimeout(handle: TimeoutHandle | undefined): void;

interface URL {
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly pathname: string;
  readonly username: string;
  readonly password: string;
}
declare var URL: { prototype: URL; new (url: string, base?: string): URL };

interface URLSearchParams {
  append(name: string, value: string): void;
  set(name: string, value: string): void;
  toString(): string;
}
declare var URLSearchParams: { prototype: URLSearchParams; new (init?: string[][] | Record<string, string>): URLSearchParams };

interface Headers {
  get(name: string): string | null;
}

interface RequestInit {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

interface Response {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: Headers;
  text(): Promise<string>;
}

declare function fetch(input: string, init?: RequestInit): Promise<Response>;

interface SubtleCrypto {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}
interface Crypto {
  readonly subtle: SubtleCrypto | undefined;
}
declare var crypto: Crypto | undefined;

/** Base64 of a binary string (one char per byte); src/chain/base64.ts checks the shape first. */
declare function atob(data: string): string;
declare function btoa(data: string): string;

interface Event {
  readonly type: string;
}
declare var Event: { prototype: Event; new (type: string): Event };
