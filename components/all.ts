/** Registers every element (`ics-elements/elements`), and re-exports the classes and helpers. */
import './provider-chain/define.js';
import './consumer-list/define.js';
import './consumer-card/define.js';
import './validator-chains/define.js';
import './power-chart/define.js';

export * from './index.js';
