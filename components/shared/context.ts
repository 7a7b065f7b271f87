/**
 * The context through which `<ics-provider-chain>` hands its client to the elements inside it.
 * The key is `Symbol.for(...)`, so providers and consumers from two copies of the bundle meet.
 */
import { createContext } from '@lit/context';
import type { ChainContext } from '../../src/index.js';

export const clientContext = createContext<ChainContext | undefined>(Symbol.for('ics-elements/provider-client'));
