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
import { nextTask } from '../../src/chain/tasks.js';
import { clip } from '../../src/format/index.js';

export type IcsTheme = 'light' | 'dark';

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

  /** The endpoint settings from this element's own attributes. */
  protected get ownEndpoint(): EndpointSettings {
    return { rest: this.rest, rpc: this.rpc, chainId: this.chainId, height: this.height };
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
