/// <reference types="mocha" />
// <ics-validator-chains> filling in progressively against a slowed devnet: the rows of the chains
// the validator has to validate before any figure, rows in view read first, rows found later
// joining at the foot and never leaving, no row moving under the focus, a chain that cannot be
// read said in words in its row, and every figure once loaded equal to a direct query.
import { assert } from 'chai';
import { ProviderClient, isActivePhase, validatorStanding } from '../../src/index.js';
import { formatCommission, formatPercent, formatPower } from '../../src/format/index.js';
import { ratio, sumPowers } from '../../src/power/index.js';
import { testOperator } from '../../devnet/test-keys.js';
import type { ConsumerChain } from '../../src/index.js';
import '../../components/validator-chains/define.js';
import type { IcsValidatorChains } from '../../components/validator-chains/define.js';
import { $, $$, REST, cleanUp, countFetches, devnet, frame, mount, until } from './helpers.js';
import { footReadNext } from './progressive-checks.js';
import { noAxe } from './state-checks.js';
import { devnetControl } from '../shared/devnet-control.js';

const client = () => new ProviderClient({ rest: REST, cacheTtlMs: 0 });

/** The devnet with 260 chains (started for every browser test), and its controls. */
const MANY_REST = window.__ICS_DEVNET__.manyChainsRest;
const manyDevnet = devnetControl(MANY_REST);

/** The path of a chain's opted-in list on the devnet (a fault's `pathPrefix`): the first read of each chain; without an id, every chain's. */
const OPTED_PATH = (consumerId = '') => `/interchain_security/ccv/provider/opted_in_validators/${consumerId}`;

function chainsOf(validator: string, attributes = '', inner = ''): IcsValidatorChains {
  return mount<IcsValidatorChains>(`<ics-validator-chains rest="${REST}" validator="${validator}" ${attributes}>${inner}</ics-validator-chains>`);
}

const rowIds = (el: Element) => $$(el, '.row[data-consumer-id]').map((r) => r.dataset.consumerId!);
const rowText = (el: Element, id: string) => $(el, `[data-consumer-id="${id}"]`)!.textContent!.replace(/\s+/g, ' ');
/** Rows whose figures are still being read. */
const pendingRows = (el: Element) => $$(el, '.row[data-consumer-id]').filter((r) => r.querySelector('.facts[aria-busy="true"]'));
/** The consumer ids whose opted-in list the page asked for, in the order it asked (one per chain read). */
const optedReads = (urls: string[]) => urls.flatMap((u) => /\/opted_in_validators\/(\d+)/.exec(u)?.[1] ?? []);

/** Launched or not, opt-in chains anyone may join and be in the set of (no list, minimum, cap). */
async function openChains(phase: 'launched' | 'registered' | 'initialized', operator: string): Promise<ConsumerChain[]> {
  const valcons = (await client().resolveValidator(operator)).consensusAddress;
  const chains = await client().consumerChains({ phase });
  return chains.filter((x) => x.kind === 'opt-in' && x.allowlist.length === 0 && x.minStake === 0n && x.validatorSetCap === 0 && !x.denylist.includes(valcons));
}

/** What the element should say of a validator, read directly: each chain it is part of, with its figures in words. */
async function expectedRows(operator: string): Promise<Map<string, string[]>> {
  const c = client();
  const valcons = (await c.resolveValidator(operator)).consensusAddress;
  const provider = await c.validator(operator);
  const required = new Set(await c.consumerChainsOfValidator(operator));
  const rows = new Map<string, string[]>();
  for (const chain of (await c.consumerChains({ phase: 'all' })).filter((x) => isActivePhase(x.phase))) {
    const [opted, set] = await Promise.all([c.optedInValidators(chain.consumerId), c.consumerValidators(chain.consumerId)]);
    const member = set.find((v) => v.providerAddress === valcons);
    const standing = validatorStanding({ inSet: member !== undefined, optedIn: opted.includes(valcons), hasToValidate: required.has(chain.consumerId) });
    if (standing === 'not-opted-in') continue;
    const commission = member?.consumerCommissionRate ?? (await c.consumerCommissionRate(chain.consumerId, valcons));
    const words = [`Commission ${formatCommission(commission)}`];
    if (formatCommission(commission) !== formatCommission(provider.commissionRate)) words.push(`(provider ${formatCommission(provider.commissionRate)})`);
    if (member) {
      words.push(`${formatPower(member.consumerPower)} consumer power`);
      words.push(`${formatPercent(ratio(member.consumerPower, sumPowers(set.map((v) => v.consumerPower))), 2)} of the chain's power`);
    } else words.push('Not in the set yet');
    const address = await c.consumerAddress(chain.consumerId, valcons);
    words.push(address !== undefined && address !== valcons ? 'Consumer key assigned' : 'No consumer key');
    rows.set(chain.consumerId, words);
  }
  return rows;
}

describe('<ics-validator-chains> progressively', () => {
  beforeEach(cleanUp);
  after(cleanUp);

  it('shows the rows it has to validate before their figures, busy and worded, in partial (axe passes); then every figure as a direct query says', async () => {
    const topN = (await client().consumerChains({ phase: 'launched' })).find((x) => x.kind === 'top-n')!;
    const [member] = await client().consumerValidators(topN.consumerId);
    const operator = (await client().validators()).find((v) => v.consensusAddress === member!.providerAddress)!.operatorAddress;
    // Asked before the devnet slows: while the element's reads are out, the page's connections are theirs.
    const required = await client().consumerChainsOfValidator(operator);
    await devnet.faults({ latencyMs: 700, pathPrefix: OPTED_PATH() });
    const el = chainsOf(operator);
    await until(el, 'partial');
    assert.isAbove(required.length, 0);
    assert.sameMembers(rowIds(el), required, 'a row for each chain it has to validate before any chain is read');
    assert.lengthOf(pendingRows(el), required.length);
    const pending = rowText(el, topN.consumerId);
    assert.include(pending, 'Figures loading');
    assert.notMatch(pending, /consumer power|Commission/);
    assert.include(pending, 'Launched', 'what the chain list says is shown at once');
    assert.include(pending, `#${topN.consumerId}`);
    assert.include($(el, '[part="header"]')!.textContent, 'Provider commission', 'the header is shown with the rows');
    assert.match($(el, '[role="status"]')!.textContent!, /figures loading/);
    await noAxe(el);
    await devnet.faults(null);
    await until(el, 'complete', 20_000);
    assert.lengthOf(pendingRows(el), 0);
    assert.notMatch($(el, '[role="status"]')!.textContent!, /figures loading/);
    const expected = await expectedRows(operator);
    assert.sameMembers(rowIds(el), [...expected.keys()]);
    for (const [id, words] of expected) for (const w of words) assert.include(rowText(el, id), w, `chain ${id}`);
  });

  it('reads the chains of the rows in view first, a few at a time', async () => {
    // The devnet with 260 chains: its top validator opted in to 20 launched open chains has
    // to validate each (a seat at the next epoch), so 20 rows at once, in a view of about one.
    const many = new ProviderClient({ rest: MANY_REST, cacheTtlMs: 0 });
    const [top] = await many.validators();
    const open = (await many.consumerChains({ phase: 'launched' })).filter(
      (x) => x.kind === 'opt-in' && x.allowlist.length === 0 && x.minStake === 0n && x.validatorSetCap === 0,
    );
    const mine = open.slice(0, 20);
    assert.lengthOf(mine, 20);
    for (const chain of mine) await manyDevnet.optIn(chain.consumerId, top!.operatorAddress);
    await manyDevnet.faults({ latencyMs: 400, pathPrefix: OPTED_PATH() });
    const fetches = countFetches();
    try {
      const el = mount<IcsValidatorChains>(
        `<ics-validator-chains rest="${MANY_REST}" validator="${top!.operatorAddress}" style="--ics-validator-chains-height: 5rem"></ics-validator-chains>`,
      );
      await until(el, 'partial');
      const order = rowIds(el);
      assert.sameMembers(
        order,
        mine.map((c) => c.consumerId),
      );
      // The reads start once the rows are seen in view (the observers' first report, a frame later).
      while (optedReads(fetches.urls).length === 0) await new Promise((r) => setTimeout(r, 5));
      assert.isAtMost(optedReads(fetches.urls).length, 6, 'no more than six reads at once');
      assert.include(optedReads(fetches.urls), order[0], 'the row in view is among the first reads');
      // Scrolled to the foot while the first reads are out: the rows now in view go next.
      await footReadNext(el, '[part="rows"]', () => optedReads(fetches.urls), order, 5, 2);
    } finally {
      fetches.restore();
      await manyDevnet.reset();
    }
  });

  it('adds rows found later at the foot, never drops one, moves none under the focus, and sorts once the focus leaves', async () => {
    const newcomer = testOperator('newcomer').operator;
    const launched = await openChains('launched', newcomer);
    const prelaunch = [...(await openChains('registered', newcomer)), ...(await openChains('initialized', newcomer))];
    assert.isAtLeast(launched.length, 2);
    assert.isAtLeast(prelaunch.length, 1);
    const [low, high] = [launched[0]!, launched.at(-1)!];
    // The higher id is validated (in the set after an epoch end), the lower only active from the
    // next epoch: shown by id (low, high) at first, sorted by standing (high, low) at the end.
    await devnet.optIn(high.consumerId, newcomer);
    await devnet.advanceToEpochEnd();
    await devnet.optIn(low.consumerId, newcomer);
    await devnet.optIn(prelaunch[0]!.consumerId, newcomer);
    await devnet.faults({ latencyMs: 300, pathPrefix: OPTED_PATH() });
    const el = chainsOf(newcomer, '', `<button slot="action-${low.consumerId}">Opt out</button>`);
    await until(el, 'partial');
    assert.deepEqual(rowIds(el), [low.consumerId, high.consumerId], 'the chains it has to validate, by id');
    const button = el.querySelector('button')!;
    button.focus();
    const seen: string[][] = [];
    while (el.matches(':state(partial)')) {
      seen.push(rowIds(el));
      await frame();
    }
    await until(el, 'complete', 20_000);
    seen.push(rowIds(el));
    for (const [i, ids] of seen.entries()) {
      const next = seen[i + 1] ?? ids;
      assert.deepEqual(next.slice(0, ids.length), ids, 'rows shown keep their place; new ones join at the foot');
    }
    const joined = prelaunch[0]!.consumerId;
    const before = [low.consumerId, high.consumerId, joined];
    assert.deepEqual(rowIds(el), before, 'nothing moved under the focus; the chain found later is at the foot');
    assert.equal(document.activeElement, button);
    assert.match(rowText(el, joined), /In the launch set|Opted in/);
    assert.include(rowText(el, high.consumerId), 'Validating');
    assert.include(rowText(el, low.consumerId), 'Active from next epoch');
    const rank = (id: string) => [/Validating|In the launch set/, /Active from next epoch/, /Must validate/, /./].findIndex((r) => r.test(rowText(el, id)));
    const sorted = [...before].sort((a, b) => rank(a) - rank(b) || Number(a) - Number(b));
    assert.notDeepEqual(sorted, before, 'the sort moves a row');
    button.blur();
    for (let i = 0; i < 10 && rowIds(el)[0] !== sorted[0]; i++) await frame();
    assert.deepEqual(rowIds(el), sorted, 'sorted by standing once the focus left');
  });

  it('says in words in its row when one chain cannot be read; the other rows are fine and the element is complete', async () => {
    const topN = (await client().consumerChains({ phase: 'launched' })).find((x) => x.kind === 'top-n')!;
    const [member] = await client().consumerValidators(topN.consumerId);
    const operator = (await client().validators()).find((v) => v.consensusAddress === member!.providerAddress)!.operatorAddress;
    const required = await client().consumerChainsOfValidator(operator);
    // A chain whose id starts no other id, so the fault's path prefix hits its read only.
    const broken = required.find((id) => !required.some((o) => o !== id && o.startsWith(id)))!;
    const all = (await client().consumerChains({ phase: 'all' })).map((c) => c.consumerId);
    assert.isFalse(
      all.some((o) => o !== broken && o.startsWith(broken)),
      `no other chain id starts with ${broken}`,
    );
    await devnet.faults({ mode: 'error', status: 500, pathPrefix: OPTED_PATH(broken) });
    const el = chainsOf(operator);
    await until(el, 'complete', 20_000);
    assert.include(rowText(el, broken), 'This chain could not be read');
    for (const id of rowIds(el).filter((id) => id !== broken)) assert.include(rowText(el, id), 'Commission', `chain ${id}`);
    assert.match($(el, '[role="status"]')!.textContent!, /1 chain could not be read/);
    assert.equal(rowIds(el).at(-1), broken, 'a chain that could not be read sorts last');
    await noAxe(el);
  });
});
