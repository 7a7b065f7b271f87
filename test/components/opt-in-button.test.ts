/// <reference types="mocha" />
// <ics-opt-in-button> in Chromium against the devnet, signing with the test wallet. The suite needs
// cosmjs (CommonJS, for the test wallet and the signing chunk), so it is served by the Vite
// middleware (/__vite/, see web-test-runner.config.mjs); this entry only hands it `sendKeys`,
// which lives on the esbuild side.
import { sendKeys } from '@web/test-runner-commands';

(window as unknown as { __sendKeys: typeof sendKeys }).__sendKeys = sendKeys;
await import(/* @vite-ignore */ `${'/__vite/'}test/browser/opt-in-button.vite.ts`);
export {};
