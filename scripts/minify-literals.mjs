// The elements' `html` and `css` template literals as they ship: minified by minify-literals
// (html-minifier-next for HTML, Lightning CSS for CSS), in the package (scripts/build-package.mjs),
// the CDN file (vite.config.ts) and the size builds (scripts/size.ts), so the three agree.
// The options keep what the browser renders: a run of whitespace becomes one space, never none
// (a space between two inline elements or next to a binding shows), and empty attributes stay
// (`alt=""` says an image is decorative).
import { minifyHTMLLiterals } from 'minify-literals';
import { Buffer } from 'node:buffer';
import { transform } from 'lightningcss';

const lightning = (code) => transform({ filename: 'literal.css', code: Buffer.from(code), minify: true }).code.toString();

/**
 * A `css` literal through Lightning CSS. A literal of declarations alone, made to be interpolated
 * into another literal's rule (`frameDeclarations` in `.base { ${frameDeclarations} … }`), is
 * minified inside a rule and keeps its last `;`, so the declarations written after the
 * interpolation stay declarations (minify-literals' own fallback drops it).
 * @param {string} text
 */
function minifyCss(text) {
  try {
    return lightning(text);
  } catch {
    const wrapped = lightning(`.x{${text}}`);
    if (!wrapped.startsWith('.x{') || !wrapped.endsWith('}')) throw new Error(`minify-literals: cannot minify ${text}`);
    return `${wrapped.slice(3, -1)};`;
  }
}

/** @type {import('minify-literals').Options} */
const OPTIONS = {
  html: { conservativeCollapse: true, removeEmptyAttributes: false, decodeEntities: false },
  css: minifyCss,
  sourceMap: false,
};

/** One minification at a time: each catches the console warnings of its own. */
let queue = Promise.resolve();

/**
 * The module's source with its template literals minified, or null when it has none to change.
 * Throws on any warning: minify-literals leaves a literal as written when it cannot minify it
 * (and says so on the console), and a build that quietly ships it as written would measure and
 * ship more than it says.
 * @param {string} code JavaScript or TypeScript source
 * @param {string} fileName for messages
 * @returns {Promise<string | null>}
 */
export function minifyLiterals(code, fileName) {
  const run = queue.then(async () => {
    const warn = console.warn;
    const warnings = [];
    console.warn = (...args) => warnings.push(args.join(' '));
    try {
      const result = await minifyHTMLLiterals(code, { ...OPTIONS, fileName });
      if (warnings.length) throw new Error(`minify-literals: ${fileName}: ${warnings.join('; ')}`);
      return result?.code ?? null;
    } finally {
      console.warn = warn;
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The same as a Vite (Rolldown) plugin, for the elements' own modules.
 * @returns {import('vite').Plugin}
 */
export function minifyLiteralsPlugin() {
  return {
    name: 'ics-minify-literals',
    transform: {
      filter: { id: /\/components\/.*\.ts$/ },
      async handler(code, id) {
        const minified = await minifyLiterals(code, id);
        return minified === null ? null : { code: minified, map: null };
      },
    },
  };
}
