/// <reference types="mocha" />
// <ics-validator-settings> in Chromium against the devnet, signing with the test wallet. Served by
// the Vite middleware like the opt-in button's suite (the test wallet needs cosmjs).
import { sendKeys } from '@web/test-runner-commands';

(window as unknown as { __sendKeys: typeof sendKeys }).__sendKeys = sendKeys;
await import(/* @vite-ignore */ `${'/__vite/'}test/browser/validator-settings.vite.ts`);
export {};
