import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { parseConsumerId } from '../../src/index.js';
import type { ConsumerChainDetails, ChainContext, ReadOptions } from '../../src/index.js';
import { clip, formatDateTime, formatDuration, formatInteger, formatPercent, safeHttpsUrl } from '../../src/format/index.js';
import { IcsDataElement } from '../shared/data-element.js';
import type { AttributeProblem } from '../shared/clients.js';
import { PHASE_LABEL, kindLabel, renderIds, renderName, shapingSummary } from '../shared/chain-text.js';
import { loadConsumerCard } from './consumer-card.load.js';
import type { ConsumerCardData } from './consumer-card.load.js';
import { styles } from './consumer-card.styles.js';

export type ConsumerCardVariant = 'compact' | 'full';

/** Description characters shown before "Show all". */
const DESCRIPTION_MAX = 180;

/**
 * One consumer chain at a glance, for the chain's own site: name with consumer id and chain id,
 * phase, Top-N or opt-in, validators securing it, the share of provider stake they hold, the
 * Nakamoto coefficient of its consumer power (the fewest validators with more than 1/3), and the
 * blocks and time to the next epoch, when validator-set changes take effect.
 *
 * `variant="full"` (the default) adds caps and lists, spawn time, the description (clipped, with
 * the full text behind "Show all") and an `https:` link from the metadata when there is one.
 *
 * @summary A consumer chain's security at a glance.
 * @tagname ics-consumer-card
 *
 * @csspart base - The card frame.
 * @csspart header - Name, ids and badges.
 * @csspart name - The chain's name (inert text, clipped; the full value in its title).
 * @csspart ids - Consumer id and chain id.
 * @csspart badge - Phase and kind badges.
 * @csspart stats - The figures.
 * @csspart link - A link from the chain's metadata (shown only for an `https:` URL).
 *
 * @cssprop --ics-consumer-card-height - Height in every state (default 15.5rem; 7.5rem compact), so the page never shifts.
 * @cssprop --ics-consumer-card-max-width - Widest the card grows (default 44rem).
 * @cssprop --ics-consumer-card-padding - Inner padding (default 1rem; 0.75rem compact).
 * @cssprop --ics-consumer-card-value-size - Font size of the figures (default 1.5rem; 1.15rem compact).
 *
 * @cssstate complete - The card is shown.
 * @cssstate empty - No consumer chain has this id.
 */
export class IcsConsumerCard extends IcsDataElement<ConsumerCardData> {
  static override styles = [...IcsDataElement.styles, styles];

  /** The chain's consumer id, a whole number such as "0" (ids, not chain ids: chain ids can repeat). */
  @property({ attribute: 'consumer-id' }) consumerId?: string;

  /** `full` (default) or `compact` (one line of figures, no description). */
  @property({ reflect: true }) variant: ConsumerCardVariant = 'full';

  /** Seconds per block, to turn blocks into time (default 6, as on the Cosmos Hub). */
  @property({ type: Number, attribute: 'block-time' }) blockTime = 6;

  protected dataKey(): readonly unknown[] {
    return [this.consumerId?.trim()];
  }

  protected loadData(client: ChainContext, options: ReadOptions): Promise<ConsumerCardData> {
    return loadConsumerCard(client, this.consumerId!.trim(), options);
  }

  protected checkAttributes(): AttributeProblem | undefined {
    const id = this.consumerId?.trim();
    if (!id) return { attribute: 'consumer-id', message: 'Set "consumer-id" to the chain\'s consumer id, a whole number such as "0".', missing: true };
    if (parseConsumerId(id) === undefined) {
      return { attribute: 'consumer-id', message: `"consumer-id" must be a whole number such as "0" or "12"; got "${clip(id, 40).text}".` };
    }
    if (this.variant !== 'full' && this.variant !== 'compact') {
      return { attribute: 'variant', message: `"variant" must be "full" or "compact"; got "${clip(String(this.variant), 40).text}".` };
    }
    if (!Number.isFinite(this.blockTime) || this.blockTime <= 0) {
      return { attribute: 'block-time', message: `"block-time" must be a number of seconds above 0; got "${String(this.blockTime)}".` };
    }
    return undefined;
  }

  protected isEmpty(value: ConsumerCardData): boolean {
    return !value.found;
  }

  protected loadingMessage(): string {
    return `Loading consumer chain ${this.consumerId ?? ''}…`;
  }

  protected emptyMessage(value: ConsumerCardData): string {
    return value.found ? '' : value.message;
  }

  protected describe(value: ConsumerCardData): string {
    if (!value.found) return value.message;
    const { chain } = value;
    const secured = value.validators === undefined ? `${chain.phase}` : `secured by ${value.validators} validators`;
    // The chain id as the screen shows it: neutralised and clipped.
    return `Consumer chain ${chain.consumerId} (${clip(chain.chainId, 48).text}), ${secured}.`;
  }

  // ---- rendering -----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<div class="base" part="base">${this.renderState()}</div>
      ${this.renderLive()}`;
  }

  protected renderSkeleton(): TemplateResult {
    return html`<div class="card skeletons" aria-hidden="true">
      <div class="head">
        <div class="title"><span class="skeleton" style="--_w: 12em; block-size: 1.3em"></span><span class="skeleton" style="--_w: 9em; margin-block-start: 0.3em"></span></div>
        <div class="badges"><span class="skeleton" style="--_w: 4em"></span><span class="skeleton" style="--_w: 5em"></span></div>
      </div>
      <dl class="stats">
        ${[0, 1, 2, 3].map(() => html`<div class="stat"><dt><span class="skeleton" style="--_w: 6em"></span></dt><dd><span class="skeleton" style="--_w: 3em; block-size: 1em"></span></dd></div>`)}
      </dl>
    </div>`;
  }

  protected renderData(value: ConsumerCardData): TemplateResult {
    if (!value.found) return html``;
    return html`<div class="card">
      ${this.renderHead(value.chain)} ${this.renderStats(value)} ${this.variant === 'full' ? this.renderMore(value.chain) : nothing}
      ${this.variant === 'full' ? this.renderDescription(value.chain) : nothing}
    </div>`;
  }

  private renderHead(chain: ConsumerChainDetails): TemplateResult {
    return html`<div class="head" part="header">
      <div class="title">${renderName(chain.metadata.name)} ${renderIds(chain.consumerId, chain.chainId)}</div>
      <div class="badges">
        <span class="badge" part="badge">${PHASE_LABEL[chain.phase]}</span>
        <span class="badge ${chain.kind}" part="badge">${kindLabel(chain.kind, chain.powerShaping.topN)}</span>
      </div>
    </div>`;
  }

  private renderStats(value: Extract<ConsumerCardData, { found: true }>): TemplateResult {
    const none = value.validators === undefined;
    const blocks = value.blocksToEpoch;
    return html`<dl class="stats" part="stats">
      ${this.renderStat('Validators', none ? '–' : formatInteger(value.validators!))}
      ${this.renderStat('Provider stake', none ? '–' : formatPercent(value.stakeShare ?? 0))}
      ${this.renderStat('Nakamoto coefficient', none || value.validators === 0 ? '–' : String(value.nakamoto))}
      ${this.renderStat(
        'Next epoch',
        html`${formatInteger(blocks)} <small>${blocks === 1 ? 'block' : 'blocks'}</small
          ><small class="sub">${formatDuration(blocks * this.blockTime)}</small>`,
        formatDuration(blocks * this.blockTime),
      )}
    </dl>`;
  }

  private renderStat(label: string, value: string | TemplateResult, title?: string): TemplateResult {
    return html`<div class="stat"><dt>${label}</dt><dd title=${title ?? nothing}>${value}</dd></div>`;
  }

  private renderMore(chain: ConsumerChainDetails): TemplateResult {
    const config = this.resolution.client?.config;
    const summary = shapingSummary(chain.powerShaping, chain.kind, config?.displayExponent ?? 6, config?.displayDenom ?? 'ATOM');
    const spawn = chain.phase !== 'launched' && chain.initParams?.spawnTime ? chain.initParams.spawnTime : undefined;
    const link = metadataLink(chain.metadata.metadata);
    return html`<div class="more">
      ${summary.length > 0 ? html`<span>${summary.join(' · ')}</span>` : html`<span>No caps or lists</span>`}
      ${spawn ? html`<span>Spawns ${formatDateTime(spawn)}</span>` : nothing}
      ${link ? html`<a href=${link.href} rel="noopener noreferrer nofollow" part="link">${link.label}</a>` : nothing}
    </div>`;
  }

  private renderDescription(chain: ConsumerChainDetails): TemplateResult | typeof nothing {
    const text = chain.metadata.description.trim();
    if (!text) return nothing;
    const shown = clip(text, DESCRIPTION_MAX);
    if (!shown.clipped) return html`<p class="description">${shown.text}</p>`;
    return html`<details class="description"><summary>${shown.text} <span class="muted">Show all</span></summary>${shown.full}</details>`;
  }
}

/** An `https:` link from the metadata's conventional JSON (`forge_json_url`, `website`), never anything else. */
function metadataLink(metadata: string): { href: string; label: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  for (const key of ['website', 'forge_json_url', 'url']) {
    const href = safeHttpsUrl(record[key]);
    if (href) return { href, label: key === 'forge_json_url' ? `forge.json on ${new URL(href).hostname}` : new URL(href).hostname };
  }
  return undefined;
}
