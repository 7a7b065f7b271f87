// The floor of `npm run size`: Lit alone, imported the way the elements import it (LitElement,
// html and css from 'lit', a decorator from 'lit/decorators.js'), in an element that does
// nothing else. No element can weigh less than this; what it weighs over it is ours.
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';

class SizeFloor extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @property() label = '';

  override render() {
    return html`<p>${this.label}</p>`;
  }
}

customElements.define('size-floor', SizeFloor);
