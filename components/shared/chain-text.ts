/** Words for chain facts that several elements show the same way. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ConsumerKind, ConsumerPhase, PowerShaping, ValidatorStanding } from '../../src/index.js';
import { clip, formatTokens } from '../../src/format/index.js';

export const PHASE_LABEL: Record<ConsumerPhase, string> = {
  registered: 'Registered',
  initialized: 'Initialized',
  launched: 'Launched',
  stopped: 'Stopped',
  deleted: 'Deleted',
};

/** Where a validator stands on a chain, in a badge's few words (some elements say more for their own context). */
export const STANDING_LABEL: Record<ValidatorStanding, string> = {
  'in-set': 'In the set',
  'next-epoch': 'Active from next epoch',
  'must-validate': 'Must validate from next epoch',
  'left-out': 'Opted in, not in the set',
  'not-opted-in': 'Not opted in',
};

export function kindLabel(kind: ConsumerKind, topN: number): string {
  return kind === 'top-n' ? `Top-N ${topN}%` : 'Opt-in';
}

/** Caps, lists and minimum stake in a few words each; nothing for a chain without any. */
export function shapingSummary(shaping: PowerShaping, kind: ConsumerKind, exponent: number, denom: string): string[] {
  const parts: string[] = [];
  if (kind !== 'top-n' && shaping.validatorSetCap > 0) parts.push(`set cap ${shaping.validatorSetCap}`);
  if (shaping.validatorsPowerCap > 0) parts.push(`power cap ${shaping.validatorsPowerCap}%`);
  if (shaping.allowlist.length > 0) parts.push(`allowlist ${shaping.allowlist.length}`);
  if (shaping.denylist.length > 0) parts.push(`denylist ${shaping.denylist.length}`);
  if (shaping.prioritylist.length > 0) parts.push(`priority ${shaping.prioritylist.length}`);
  if (shaping.minStake > 0n) parts.push(`min stake ${formatTokens(shaping.minStake, exponent, denom, 0)}`);
  if (shaping.allowInactiveVals) parts.push('inactive validators allowed');
  return parts;
}

/**
 * A chain's name as inert text: neutralised, clipped to `max`, the full value in `title`. The
 * caller always renders the consumer id and chain id beside it (a look-alike shows by its ids).
 */
export function renderName(name: string, max = 50): TemplateResult {
  const shown = clip(name === '' ? '(no name)' : name, max);
  return html`<span class="name clip" part="name" title=${shown.clipped || shown.full.length > 24 ? shown.full : nothing}>${shown.text}</span>`;
}

/** Consumer id and chain id, monospaced: always visible beside a name. */
export function renderIds(consumerId: string, chainId: string): TemplateResult {
  const chain = clip(chainId, 48);
  return html`<span class="ids mono" part="ids"
    ><span class="consumer-id">#${consumerId}</span> · <span class="chain-id" title=${chain.clipped ? chain.full : nothing}>${chain.text}</span></span
  >`;
}
