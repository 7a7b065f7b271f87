// A row of `npm run size`: Lit (what the floor imports: LitElement, html, css, a decorator) and what
// `<ics-consumer-list>` reads the chain with (the shared client, ICS detection and the list's load:
// transport, decoders, queries, chain settings), with no element, template or style of ours. What a
// list page weighs over this is the element; what this weighs over the floor is the read path.
export { LitElement, css, html } from 'lit';
export { property } from 'lit/decorators.js';
export { sharedClient } from '../components/shared/clients.js';
export { detectIcs } from '../src/queries.js';
export { loadConsumerList } from '../components/consumer-list/consumer-list.load.js';
