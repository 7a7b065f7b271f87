/**
 * Reads what a provider chain calls its addresses and its coin when the page or app did not say:
 * the bech32 prefixes from an operator address of the staking validators route (checked against
 * the node's own `auth/v1beta1/bech32` answer where it has that route), the bond denom from
 * staking params, and the display denom and exponent from bank denom metadata, falling back to
 * the base denom with exponent 0 (and saying so).
 *
 * One read per client (the client shares the promise); settings the page gave always win.
 * The chain context imports this module on demand (`chainParams()`), so it stays out of the
 * bundle a page loads first.
 */
import type { ReadOptions } from './reader.js';
import type { Reader } from './reader.js';
import { fields } from './decode.js';
import type { Path } from './decode.js';
import { IcsError } from './errors.js';
import { decodeAddress, prefixesFor } from '../chain/bech32.js';
import type { ChainParams, ChainSettings } from './chain-params.js';
import { DEFAULT_GAS_PRICE_AMOUNT } from './chain-params.js';

const VALOPER = 'valoper';

/** Reads what `given` leaves open. Throws `IcsError` when the chain cannot say (no validators, a contradiction). */
export async function readChainParams(reader: Reader, given: ChainSettings, options: ReadOptions = {}): Promise<ChainParams> {
  const read: ReadOptions = { signal: options.signal, height: undefined };
  const prefix = given.bech32Prefix !== undefined ? Promise.resolve(given.bech32Prefix) : readPrefix(reader, read);
  const denom = given.stakingDenom !== undefined ? Promise.resolve(given.stakingDenom) : readBondDenom(reader, read);
  prefix.catch(() => undefined);
  const stakingDenom = await denom;
  const needDisplay = given.displayDenom === undefined || given.displayExponent === undefined;
  const metadata = needDisplay ? await readDisplay(reader, stakingDenom, read) : undefined;
  const account = await prefix;
  const displayFromChain = metadata !== undefined;
  const displayDenom = given.displayDenom ?? metadata?.display ?? stakingDenom;
  const displayExponent = given.displayExponent ?? metadata?.exponent ?? 0;
  const fellBack = needDisplay && !displayFromChain && given.displayDenom === undefined;
  return {
    prefixes: prefixesFor(account),
    stakingDenom,
    displayDenom,
    displayExponent,
    gasPrice: given.gasPrice ?? `${DEFAULT_GAS_PRICE_AMOUNT}${stakingDenom}`,
    sources: {
      prefix: given.bech32Prefix !== undefined ? 'given' : 'chain',
      stakingDenom: given.stakingDenom !== undefined ? 'given' : 'chain',
      display: !needDisplay ? 'given' : displayFromChain ? 'chain' : 'fallback',
    },
    note: fellBack ? `Amounts are in ${stakingDenom}, the chain's base unit: it publishes no display unit for it (no bank denom metadata).` : undefined,
  };
}

/**
 * The account prefix of the chain's operator addresses (`mantravaloper1…` → `mantra`). Exported
 * for `ChainContext.prefixes()`, which reads it without the denoms.
 */
export async function readPrefix(reader: Reader, options: ReadOptions): Promise<string> {
  const route = '/cosmos/staking/v1beta1/validators';
  const [{ value: operators }, said] = await Promise.all([
    reader.get(route, (body, path) => fields(body, path).list('validators', (v: unknown, p: Path) => fields(v, p).string('operator_address')), options, {
      'pagination.limit': '1',
    }),
    readBech32Route(reader, options),
  ]);
  const operator = operators[0];
  if (operator === undefined) {
    if (said) return said;
    throw new IcsError('not-found', 'The chain lists no validators, so its address prefix is unknown: set "bech32-prefix" (or bech32Prefix) to it.');
  }
  const hrp = decodeAddress(operator).prefix;
  if (!hrp.endsWith(VALOPER) || hrp.length === VALOPER.length) {
    throw new IcsError('decode', `The operator address ${operator} does not end its prefix in "valoper": set "bech32-prefix" to the chain's account prefix.`);
  }
  const account = hrp.slice(0, -VALOPER.length);
  if (said !== undefined && said !== account) {
    throw new IcsError(
      'decode',
      `The node says its account prefix is "${said}", but its validators' operator addresses start with "${hrp}": set "bech32-prefix" to the right one.`,
    );
  }
  if (!/^[a-z]{1,20}$/.test(account)) {
    throw new IcsError('decode', `The chain's account prefix "${account}" is not lowercase letters: set "bech32-prefix".`);
  }
  return account;
}

/** The node's own word on its prefix (SDK 0.46+); undefined where the route is missing or fails. */
async function readBech32Route(reader: Reader, options: ReadOptions): Promise<string | undefined> {
  try {
    const { value } = await reader.get('/cosmos/auth/v1beta1/bech32', (body, path) => fields(body, path).string('bech32_prefix'), options);
    return value || undefined;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return undefined;
  }
}

async function readBondDenom(reader: Reader, options: ReadOptions): Promise<string> {
  const { value } = await reader.get(
    '/cosmos/staking/v1beta1/params',
    (body, path) => fields(fields(body, path).obj.params, path.field('params')).string('bond_denom'),
    options,
  );
  if (value === '') throw new IcsError('decode', 'The chain\'s staking params name no bond denom: set "denom".');
  return value;
}

interface Display {
  display: string;
  exponent: number;
}

/**
 * The unit people count in, from bank denom metadata: the `display` unit's exponent, labelled
 * with the metadata's `symbol` (e.g. "OM"), else the display unit's name upper-cased.
 * Undefined when the node has no metadata for the denom (404 / NotFound) or it names no unit.
 */
async function readDisplay(reader: Reader, denom: string, options: ReadOptions): Promise<Display | undefined> {
  try {
    const { value } = await reader.get(`/cosmos/bank/v1beta1/denoms_metadata/${encodeURIComponent(denom)}`, decodeMetadata, options);
    return value;
  } catch (error) {
    if (error instanceof IcsError && (error.status === 404 || error.grpcCode === 5 || error.status === 501 || error.grpcCode === 12)) return undefined;
    throw error;
  }
}

function decodeMetadata(body: unknown, path: Path): Display | undefined {
  const metadata = fields(fields(body, path).obj.metadata, path.field('metadata'));
  const display = metadata.string('display', '');
  const symbol = metadata.string('symbol', '');
  const units = metadata.list('denom_units', (v: unknown, p: Path) => {
    const unit = fields(v, p);
    return { denom: unit.string('denom'), exponent: unit.uint32('exponent', 0), aliases: unit.strings('aliases', []) };
  });
  const unit = units.find((u) => u.denom === display || u.aliases.includes(display));
  if (!display || !unit || unit.exponent > 30) return undefined;
  return { display: symbol || display.toUpperCase(), exponent: unit.exponent };
}
