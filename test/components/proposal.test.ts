/// <reference types="mocha" />
// The acting elements sign only the proposal frozen when the person opened the panel: a page
// script changing the subject (consumer-id, validator, endpoint, chain id, wallet, account) while
// it is open, or after Confirm, closes it in words. Served by the Vite middleware like the other
// acting-element suites (the test wallet needs cosmjs).
import { sendKeys } from '@web/test-runner-commands';

(window as unknown as { __sendKeys: typeof sendKeys }).__sendKeys = sendKeys;
await import(/* @vite-ignore */ `${'/__vite/'}test/browser/proposal.vite.ts`);
export {};
