// A row of `npm run size`: the least any data element's page can weigh with this design. Lit, the
// element base every reading element extends (IcsDataElement: client, states, errors, live region,
// shared styles) and the fewest reads a page of chains makes (the shared client, ICS detection, the
// chain list), with no element of its own, no template and no figure. Over 16 KB, the read-only
// target, before any element adds its rows.
export { LitElement, css, html } from 'lit';
export { property } from 'lit/decorators.js';
export { IcsDataElement } from '../components/shared/data-element.js';
export { sharedClient } from '../components/shared/clients.js';
export { consumerChains, detectIcs } from '../src/queries.js';
