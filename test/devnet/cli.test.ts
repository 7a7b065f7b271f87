// `npm run devnet` as a process: flags, the printed REST URL, a clean stop on SIGTERM, and a
// bad flag refused with a message.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../devnet/cli.ts', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    // A budget for this one wait (starting Node, tsx and the devnet), wide enough for a loaded CI machine.
    const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 60_000);
    child.stdout.on('data', () => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before printing a URL; stderr: ${stderr}`));
    });
  });
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('devnet CLI', () => {
  it('serves the scenario file with the given flags and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devnet-cli-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(
      file,
      JSON.stringify({
        chainId: 'cli-1',
        params: { blocksPerEpoch: 7 },
        validators: [{ tokens: '5000000' }],
        consumers: [{ consumerId: '0', chainId: 'c-1', phase: 'registered', name: 'C' }],
      }),
    );
    const cli = run(['--port', '0', '--block-time', '0', '--scenario', file, '--ics', 'absent']);
    try {
      const url = await cli.url;
      const info = (await (await fetch(`${url}/__devnet/info`)).json()) as Record<string, unknown>;
      assert.deepEqual(info, { chainId: 'cli-1', height: 1, blocksPerEpoch: 7, icsMode: 'absent' });
      assert.equal((await fetch(`${url}/interchain_security/ccv/provider/params`)).status, 501);
      cli.child.kill('SIGTERM');
      assert.equal(await cli.exited, 0);
    } finally {
      cli.child.kill('SIGKILL');
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses a bad flag value with a message and exit code 2', async () => {
    const cli = run(['--port', '0', '--ics', 'v5']);
    cli.url.catch(() => undefined);
    assert.equal(await cli.exited, 2);
    assert.match(cli.output().stderr, /--ics must be v7, absent or legacy, got "v5"/);
  });
});
