/**
 * The base of every ics-elements element: version stamp, shared host styles, the endpoint
 * attributes, the `theme` attribute, custom states, and warnings for bad attributes.
 */
import { LitElement } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { hostStyles } from './styles.js';
import { VERSION } from './version.js';
import type { AttributeProblem, EndpointSettings } from './clients.js';
import type { ChainAttributes } from './chain-settings.js';
import { nextTask } from '../../src/index.js';
import { clip } from '../../src/format/index.js';

/** A JSON attribute as an object; text that is not JSON stays text (and is refused in words later). */
function parseJsonAttribute(value: string | null): object | string | undefined {
  if (value === null || value.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? parsed : value;
  } catch {
    return value;
  }
}

export type IcsTheme = 'light' | 'dark';

/** The properties `ownEndpoint` reads: a change of any of them means another client. */
const ENDPOINT_PROPERTIES = ['rest', 'rpc', 'chainId', 'height', 'bech32Prefix', 'denom', 'displayDenom', 'displayExponent', 'chainInfo'] as const;

export abstract class IcsElement extends LitElement {
  /** The package version that defined this class (read by `define()`). */
  static version = VERSION;

  static override styles = [hostStyles];

  /**
   * REST (gRPC-gateway) endpoint of the provider chain; several, separated by spaces or
   * commas, fail over in order. Overrides any `<ics-provider-chain>` around the element.
   */
  @property() rest?: string;

  /** CometBFT RPC endpoint(s) of the provider chain (used for transactions). */
  @property() rpc?: string;

  /** The provider's chain id, when known; read from the node otherwise. */
  @property({ attribute: 'chain-id' }) chainId?: string;

  /** Read every number at this block height instead of the latest (needs a node that keeps it). */
  @property({ type: Number }) height?: number;

  /**
   * The provider's bech32 account prefix, e.g. `mantra` (its operators are then `mantravaloper1…`).
   * Unset: read from the chain (an operator address of its staking validators).
   */
  @property({ attribute: 'bech32-prefix' }) bech32Prefix?: string;

  /** The provider's staking (base) denom, e.g. `uom`. Unset: read from the chain's staking params. */
  @property() denom?: string;

  /**
   * The unit amounts are shown in, e.g. `OM`. Unset: read from the chain's bank denom metadata;
   * where the chain has none, amounts are shown in the base denom, and the element says so.
   */
  @property({ attribute: 'display-denom' }) displayDenom?: string;

  /** Decimal places between the base denom and the display unit, e.g. 6. Unset: read with the display unit. */
  @property({ attribute: 'display-exponent', type: Number }) displayExponent?: number;

  /**
   * The chain settings as one JSON object: `{"bech32Prefix":"mantra","stakingDenom":"uom","displayDenom":"OM","displayExponent":6}`,
   * or a Keplr `ChainInfo` (its bech32 config and stake currency are read; an acting element
   * also suggests it to the wallet as given). The separate attributes win over its fields.
   */
  @property({ attribute: 'chain-info', converter: { fromAttribute: parseJsonAttribute } }) chainInfo?: object | string;

  /**
   * `light` or `dark`; unset follows the reader's system setting (`prefers-color-scheme`). Any
   * other value is named in a console warning and follows the system setting too.
   */
  @property({ reflect: true }) theme?: IcsTheme;

  /** Custom states (`:state(loading)`), where the browser has `ElementInternals.states`. */
  protected readonly internals: ElementInternals | undefined;

  private readonly warned = new Set<string>();

  constructor() {
    super();
    try {
      this.internals = this.attachInternals();
    } catch {
      // Old browsers and DOM shims without ElementInternals: the element works without custom states.
      this.internals = undefined;
    }
  }

  /**
   * The first update waits for a task of its own. A page whose module defines every element at
   * once upgrades them all in that module's task, and Lit would render each of them there too:
   * one long task (design §7: none over 50 ms). Later updates keep Lit's microtask timing.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated) await nextTask();
    return super.scheduleUpdate();
  }

  protected override update(changed: PropertyValues<this>): void {
    if (changed.has('theme')) this.checkTheme();
    super.update(changed);
  }

  /** An unknown theme is ignored (the system setting applies), and said once, like any bad attribute. */
  private checkTheme(): void {
    const theme: unknown = this.theme;
    if (theme === undefined || theme === null || theme === 'light' || theme === 'dark') return;
    this.warnOnce({
      attribute: 'theme',
      message: `"${clip(String(theme), 40).text}" is not a theme: use "light" or "dark", or leave it unset to follow the system setting.`,
    });
  }

  /** Whether an update changes any of the settings `ownEndpoint` is made from (the client to use). */
  protected endpointChanged(changed: PropertyValues<this>): boolean {
    return ENDPOINT_PROPERTIES.some((name) => changed.has(name));
  }

  /** The endpoint settings from this element's own attributes. */
  protected get ownEndpoint(): EndpointSettings {
    return { rest: this.rest, rpc: this.rpc, chainId: this.chainId, height: this.height, chain: this.chainAttributes };
  }

  /** The chain settings from this element's own attributes. */
  protected get chainAttributes(): ChainAttributes {
    return {
      bech32Prefix: this.bech32Prefix,
      denom: this.denom,
      displayDenom: this.displayDenom,
      displayExponent: this.displayExponent,
      chainInfo: this.chainInfo,
    };
  }

  /** Sets exactly one of `states` as the element's custom state (the others are removed). */
  protected setCustomState(current: string, states: readonly string[]): void {
    const set = this.internals?.states;
    if (!set) return;
    try {
      for (const s of states) if (s !== current) set.delete(s);
      set.add(current);
    } catch {
      // Chromium before 125 only took "--name" identifiers; those browsers go without states.
    }
  }

  /** One `console.warn` per bad attribute value, naming the attribute, so a typo is found fast. */
  protected warnOnce(problem: AttributeProblem): void {
    const key = `${problem.attribute}\u0000${problem.message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`<${this.localName}> attribute "${problem.attribute}": ${problem.message}`);
  }
}
