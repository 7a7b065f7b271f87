/**
 * A cosmjs `Registry` that knows the four ICS messages on top of cosmjs's default types (bank,
 * staking, ...). Heavy: part of the signing chunk and the devnet only.
 */
import { Registry } from '@cosmjs/proto-signing';
import type { GeneratedType } from '@cosmjs/proto-signing';
import { defaultRegistryTypes } from '@cosmjs/stargate';
import { ICS_MESSAGE_CODECS } from './messages.js';

export const icsRegistryTypes: ReadonlyArray<[string, GeneratedType]> = Object.entries(ICS_MESSAGE_CODECS);

export function createIcsRegistry(): Registry {
  return new Registry([...defaultRegistryTypes, ...icsRegistryTypes]);
}
