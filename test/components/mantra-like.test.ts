/// <reference types="mocha" />
// Every element on the MANTRA-like devnet with nothing but `rest` (and `rpc`): prefixes, denom
// and display unit read from the chain. Served by Vite (the opt-in signs with the test wallet,
// hence cosmjs); see test/components/opt-in-button.test.ts.
await import(/* @vite-ignore */ `${'/__vite/'}test/browser/mantra-like.vite.ts`);
export {};
