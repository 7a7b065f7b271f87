import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import type { ChainContext } from '../../src/index.js';
import { IcsElement } from '../shared/ics-element.js';
import { ClientProvider } from '../shared/context.js';
import { attributeOf, sharedClient } from '../shared/clients.js';
import { chainSettingsOf } from '../shared/chain-settings.js';
import type { AttributeProblem } from '../shared/clients.js';
import { isIcsError } from '../../src/index.js';
import { styles } from './provider-chain.styles.js';

/**
 * The provider chain the elements inside it read: one `ChainContext` (one cache, one set of
 * requests; `new ProviderClient(context)` for every query as a method) handed to every descendant through the context protocol (`@lit/context`'s events), under the key
 * `Symbol.for('ics-elements/provider-client')`. Optional: an element outside any provider reads
 * its own `rest`, `rpc`, `chain-id` and `height` attributes, then the page default
 * (`configure({rest})` or `<meta name="ics-provider-rest" content="…">`). An element's own
 * `rest` wins over its provider's.
 *
 * The chain's address prefix, staking denom and display unit are read from the chain once for
 * every element inside; `bech32-prefix`, `denom`, `display-denom`, `display-exponent` (or one
 * `chain-info` JSON) set them instead, and an element's own such attributes win over these.
 *
 * Renders its children unchanged; a bad attribute shows a message above them and one warning.
 *
 * @summary Shares one provider-chain client with the elements inside it.
 * @tagname ics-provider-chain
 *
 * @slot - The elements that read this chain.
 * @csspart problem - The message shown when an attribute is wrong.
 */
export class IcsProviderChain extends IcsElement {
  static override styles = [...IcsElement.styles, styles];

  private readonly provider = new ClientProvider(this);

  private problem: AttributeProblem | undefined;

  /** The client the children get, undefined when `rest` is missing or wrong. */
  get client(): ChainContext | undefined {
    return this.provider.value;
  }

  override connectedCallback(): void {
    // Provide before the children ask: they ask when they connect, which may be right after this.
    this.resolve();
    super.connectedCallback();
    // Consumers that connected first (this element defined after them), or that a farther provider answered, ask again.
    this.provider.connected();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.endpointChanged(changed)) this.resolve();
  }

  private resolve(): void {
    const rest = this.rest?.trim();
    let client: ChainContext | undefined;
    this.problem = undefined;
    if (!rest) {
      this.problem = {
        attribute: 'rest',
        message: '<ics-provider-chain> needs a "rest" attribute: the REST endpoint of the provider chain.',
        missing: true,
      };
    } else if (this.height !== undefined && this.height !== null && !(Number.isInteger(this.height) && this.height >= 1)) {
      this.problem = { attribute: 'height', message: `"height" must be a block height, a whole number from 1; got "${String(this.height)}".` };
    } else {
      try {
        client = sharedClient({ rest, rpc: this.rpc, chainId: this.chainId, height: this.height, ...chainSettingsOf(this.chainAttributes) });
      } catch (error) {
        this.problem = isIcsError(error) ? { attribute: attributeOf(error, 'rest'), message: error.message } : { attribute: 'rest', message: String(error) };
      }
    }
    if (this.problem && !this.problem.missing) this.warnOnce(this.problem);
    if (this.provider.value !== client) this.provider.setValue(client);
  }

  protected override render(): TemplateResult {
    return html`${this.renderProblem()}<slot></slot>`;
  }

  private renderProblem(): TemplateResult | typeof nothing {
    if (!this.problem) return nothing;
    return html`<p class="problem" part="problem" role="alert">${this.problem.message}</p>`;
  }
}
