// Lint: typescript-eslint's recommended type-aware rules at zero warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_LIT = { regex: '^lit($|/)|^@lit/', message: 'The core (src/) is free of Lit: elements live in components/.' };
const NO_ELEMENTS = { regex: '(^|/)(components|react)/', message: 'The core (src/) never imports the elements or their wrappers.' };
const NO_DEVNET = { regex: '(^|/)devnet/', message: 'The browser core never imports the devnet (Node only); the devnet imports the core.' };

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
  // Layers point one way (design.md §2). The core (src/) never imports Lit, the elements, the React
  // wrappers or the devnet; the devnet (devnet/, Node only) imports the core, never Lit, the
  // elements or their wrappers; an element folder imports its own files, components/shared and the
  // core, never another element's folder; the power maths is pure and imports nothing outside its
  // folder. (A later block replaces an earlier one's rule for its files, so each block lists every
  // pattern that holds there.)
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
    files: ['src/power/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [NO_LIT, NO_ELEMENTS, NO_DEVNET, { regex: '^\\.\\./', message: 'src/power is pure maths: it imports nothing outside its folder.' }] },
      ],
    },
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
            { regex: '(^|/)devnet/', message: 'Elements never import the devnet.' },
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
