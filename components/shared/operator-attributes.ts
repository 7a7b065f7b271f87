/**
 * The two attributes every acting element takes (`consumer-id`, and `validator` as an operator
 * address, whose account signs), checked in words, and the test for "the data on screen is for
 * the same chain and validator" that lets a reload keep showing it.
 */
import { isIcsError, parseConsumerId } from '../../src/index.js';
import type { ChainContext } from '../../src/index.js';
import { clip } from '../../src/format/index.js';
import type { AttributeProblem } from './clients.js';
import { attributeAddressKind } from './chain-settings.js';

/**
 * @param notOperator what to add after `"<value>" is not an operator address` (the element's
 *   own explanation), given the chain's operator prefix
 */
export function checkChainAndOperator(
  consumerId: string | undefined,
  validator: string | undefined,
  client: ChainContext | undefined,
  notOperator: (validatorPrefix: string) => string,
): AttributeProblem | undefined {
  const id = consumerId?.trim();
  if (!id) return { attribute: 'consumer-id', message: 'Set "consumer-id" to the consumer chain\'s id, e.g. "4".', missing: true };
  if (parseConsumerId(id) === undefined)
    return { attribute: 'consumer-id', message: `"consumer-id" is a whole number such as "4"; got "${clip(id, 40).text}".` };
  const address = validator?.trim();
  if (!address) return { attribute: 'validator', message: 'Set "validator" to the operator address ("cosmosvaloper1…").', missing: true };
  if (!client) return undefined;
  try {
    if (attributeAddressKind(address, client) !== 'validator') {
      return {
        attribute: 'validator',
        message: `"${clip(address, 70).text}" is not an operator address${notOperator(client.config.prefixes.validator)}`,
      };
    }
  } catch (error) {
    return { attribute: 'validator', message: isIcsError(error) ? error.message : String(error) };
  }
  return undefined;
}

/** True when loaded data belongs to the chain and validator the attributes name now. */
export function isForChainAndOperator(
  data: { chain: { consumerId: string }; identity: { operatorAddress: string } },
  consumerId: string | undefined,
  validator: string | undefined,
): boolean {
  return data.chain.consumerId === consumerId?.trim() && data.identity.operatorAddress === validator?.trim();
}
