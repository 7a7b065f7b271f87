/**
 * The entry of the single-file build for a plain `<script type="module">` (`npm run build:cdn`
 * → `dist/cdn/ics-elements.js`, with the chunks it loads on demand beside it): registers every
 * element and exposes `window.IcsElements` with `configure()` and `VERSION`, for pages without a
 * bundler.
 */
import { VERSION } from './shared/version.js';
import { configure } from './shared/clients.js';
export * from './all.js';

declare global {
  interface Window {
    IcsElements?: { VERSION: string; configure: typeof configure };
  }
}

// A second copy of the bundle keeps the first one's global (its elements own the tags).
if (typeof window !== 'undefined') window.IcsElements ??= { VERSION, configure };
