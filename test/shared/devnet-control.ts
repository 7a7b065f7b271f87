/**
 * The devnet's control API over HTTP (`/__devnet/...`), usable from Node and from a browser
 * test page alike. Never present on a real node. Its types are the devnet's own (type-only
 * imports, so a browser page loads none of the devnet's Node code).
 */
import type { DevnetInfo, FaultConfig, IcsMode } from '../../devnet/index.js';

export function devnetControl(rest: string) {
  const post = async (path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${rest}/__devnet/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`devnet control ${path}: HTTP ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  return {
    rest,
    info: async () => (await (await fetch(`${rest}/__devnet/info`)).json()) as DevnetInfo,
    reset: () => post('reset'),
    advance: async (blocks = 1) => ((await post('advance', { blocks })) as { height: number }).height,
    advanceToEpochEnd: async () => ((await post('advance', { toEpochEnd: true })) as { height: number }).height,
    faults: (faults: FaultConfig | null) => post('faults', faults),
    ics: (mode: IcsMode) => post('ics', { mode }),
    optIn: (consumerId: string, validator: string) => post('opt-in', { consumerId, validator }),
    optOut: (consumerId: string, validator: string) => post('opt-out', { consumerId, validator }),
  };
}

export type DevnetControl = ReturnType<typeof devnetControl>;
