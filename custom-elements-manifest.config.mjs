// `npm run manifest`: custom-elements.json from the elements' JSDoc (@summary @fires @csspart
// @cssprop @cssstate @slot), Lit-aware. Only the element sources: never tests or build output.

/**
 * Keeps the manifest to the public API: drops private and protected members (internals a page
 * cannot use) and the nameless events the analyzer infers from `dispatchEvent(new X())` calls,
 * which the class's `@fires` tags already describe by name.
 */
function publicApiOnly() {
  return {
    name: 'ics-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      // The glob lists files in the file system's order, which differs between checkouts:
      // sort, so the committed manifest and a regenerated one compare equal anywhere.
      customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected');
          }
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
        }
      }
    },
  };
}

/** `components/x.ts` (or `/components/x.js`) → `dist/pkg/components/x.js`: the file the package ships. */
function shippedPath(value) {
  const match = /^\/?(components\/.+)\.(ts|js)$/.exec(value);
  return match ? `dist/pkg/${match[1]}.js` : value;
}

/** Module paths in the manifest name the package's JavaScript (dist/pkg), not sources it does not ship. */
function shippedPaths() {
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = shippedPath(value);
      else visit(value);
    }
  };
  return {
    name: 'ics-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      visit(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.test.ts', 'dist/**', 'node_modules/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // package.json gets its "customElements" field by hand: the analyzer would rewrite the file.
  packagejson: false,
  plugins: [publicApiOnly(), shippedPaths()],
};
