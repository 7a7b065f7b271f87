/// <reference types="mocha" />
// The signing path end to end in Chromium. The suite needs cosmjs (CommonJS), so it is loaded
// through the Vite middleware (/__vite/, see web-test-runner.config.mjs); this file is only the
// entry the runner serves with esbuild.
await import(/* @vite-ignore */ `${'/__vite/'}test/browser/signing.vite.ts`);
export {};
