/// <reference types="mocha" />
// The acting elements and a wallet that does not know the provider (the strict test wallet on
// the MANTRA-like devnet): "Add <chain> to <wallet>", the suggestion after the click, a declined
// suggestion, a host chain info used as given, the amino (Ledger) path. Served by Vite (cosmjs).
await import(/* @vite-ignore */ `${'/__vite/'}test/browser/suggest-chain.vite.ts`);
export {};
