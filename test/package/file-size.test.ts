// Element code stays split by concern (state, views, styles, words, drawing): no file under
// components/ over 400 lines. A file that grows past it has taken on a second job; split it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('element code', () => {
  it(`has no file in components/ over ${MAX_LINES} lines`, () => {
    const files = sourceFiles('components');
    assert.ok(files.length > 20, 'the element sources were found');
    const long = files
      .map((path) => ({ path, lines: readFileSync(path, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ path, lines }) => `${path} (${lines} lines)`);
    assert.deepEqual(long, [], `split these by concern: ${long.join(', ')}`);
  });
});
