// Types of scripts/minify-literals.mjs for the TypeScript that imports it (vite.config.ts, scripts/size.ts).
import type { Plugin } from 'vite';

export function minifyLiterals(code: string, fileName: string): Promise<string | null>;
export function minifyLiteralsPlugin(): Plugin;
