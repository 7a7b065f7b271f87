// Lint: typescript-eslint's recommended type-aware rules at zero warnings, and for the elements
// the recommended rules of eslint-plugin-lit (templates), eslint-plugin-lit-a11y (accessible
// templates) and eslint-plugin-wc (custom elements). Formatting is Prettier's (npm run format).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';

const NO_LIT = { regex: '^lit($|/)|^@lit/', message: 'The core (src/) is free of Lit: elements live in components/.' };
const NO_ELEMENTS = { regex: '(^|/)(components|react)/', message: 'The core (src/) never imports the elements or their wrappers.' };
const NO_DEVNET = { regex: '(^|/)devnet/', message: 'The browser core never imports the devnet (Node only); the devnet imports the core.' };
// Inside the core: chain (transport, cache, decoding, chain settings) is the floor; staking builds on
// it; ICS builds on both (a consumer chain's validators carry staking's bond status and description).
const NO_STAKING_OR_ICS = {
  regex: '^\\.\\./(staking|ics)/',
  message: 'src/chain is the floor of the core: it imports neither src/staking nor src/ics (they import it).',
};
const NO_ICS = { regex: '^\\.\\./ics/', message: 'src/staking imports src/chain, never src/ics (ICS builds on staking).' };
// The elements reach the core only through its public entries (package.json exports, scripts/size.ts),
// so what they use is what any page can import. The devnet has its own rule and message below.
const CORE_ENTRIES_ONLY = {
  regex: '(^|/)src/(?!(index|queries|power/index|format/index|signing/index)\\.js$)',
  message:
    'Elements import the core only through its entries: src/index.js, src/queries.js, src/power/index.js, src/format/index.js, src/signing/index.js (export what they need there).',
};
const ELEMENTS_NO_DEVNET = { regex: '(^|/)devnet/', message: 'Elements never import the devnet.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.cache/', 'demo/dist/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // The elements: Lit's template rules, and the custom element rules for every class built on
  // LitElement through the shared bases (wc knows LitElement itself, not our subclasses of it).
  { ...lit.configs['flat/recommended'], files: ['components/**/*.ts'] },
  { ...litA11y.configs.recommended, files: ['components/**/*.ts'] },
  {
    ...wc.configs['flat/recommended'],
    files: ['components/**/*.ts'],
    settings: { wc: { elementBaseClasses: ['LitElement', 'IcsElement', 'IcsDataElement', 'IcsActingElement'] } },
  },
  // Layers point one way (design.md §2). The core (src/) never imports Lit, the elements, the React
  // wrappers or the devnet; inside it, src/chain imports neither staking nor ics, and src/staking not
  // ics; the devnet (Node only) never imports the elements; the elements import the core only
  // through its entries; an element folder imports its own files, components/shared and the core,
  // never another element's folder; the power maths is pure and imports nothing outside its folder.
  // (A later block replaces an earlier one's rule for its files, so each block lists every pattern
  // that holds there.)
  {
    files: ['devnet/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: NO_LIT.regex, message: 'The devnet is a Node server: it never imports Lit.' },
            { regex: NO_ELEMENTS.regex, message: 'The devnet never imports the elements or their wrappers; it imports the core (src/).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_LIT, NO_ELEMENTS, NO_DEVNET] }] },
  },
  {
    files: ['src/chain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_LIT, NO_ELEMENTS, NO_DEVNET, NO_STAKING_OR_ICS] }] },
  },
  {
    files: ['src/staking/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_LIT, NO_ELEMENTS, NO_DEVNET, NO_ICS] }] },
  },
  {
    files: ['src/power/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [NO_LIT, NO_ELEMENTS, NO_DEVNET, { regex: '^\\.\\./', message: 'src/power is pure maths: it imports nothing outside its folder.' }] },
      ],
    },
  },
  {
    files: ['components/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ELEMENTS_NO_DEVNET, CORE_ENTRIES_ONLY] }] },
  },
  {
    files: ['components/*/**/*.ts'],
    ignores: ['components/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!shared/)[a-z-]+/', message: "An element folder never imports another element's folder: share through components/shared." },
            ELEMENTS_NO_DEVNET,
            CORE_ENTRIES_ONLY,
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', window: 'readonly', document: 'readonly', URL: 'readonly' } },
  },
);
