// The client-core page (core.html): consumer chains of the provider read through the client core. Names
// and metadata are written by anyone, so everything goes in as text (never HTML), bidi and
// zero-width characters are made visible, and the ids stand beside each name.
import { ProviderClient, isIcsError } from '../src/index.js';
import type { ConsumerChain, ConsumerPhase } from '../src/index.js';
import { phaseSelect as fillPhaseSelect } from './controls.js';

const params = new URLSearchParams(location.search);
const rest = params.get('rest') ?? 'http://127.0.0.1:1317';
const client = new ProviderClient({ rest });

const status = document.querySelector<HTMLParagraphElement>('#status')!;
const table = document.querySelector<HTMLTableElement>('#chains')!;
const phaseSelect = fillPhaseSelect();
document.querySelector('#endpoint')!.textContent = rest;

/** Shows invisible and direction-changing characters instead of letting them act. */
function neutralise(text: string): string {
  return text.replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function row(chain: ConsumerChain, validators: string): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const name = cell(neutralise(chain.metadata.name), 'name');
  name.title = neutralise(chain.metadata.name);
  tr.append(
    name,
    cell(chain.consumerId, 'id'),
    cell(neutralise(chain.chainId), 'id'),
    cell(chain.phase),
    cell(chain.kind === 'top-n' ? `Top ${chain.topN}%` : 'Opt-in'),
    cell(validators),
  );
  return tr;
}

async function load(phase: ConsumerPhase | 'all'): Promise<void> {
  status.className = '';
  status.textContent = 'Loading consumer chains…';
  try {
    const ics = await client.detectIcs();
    document.querySelector('#chain-status')!.textContent = ics.message;
    if (ics.availability !== 'available') {
      table.hidden = true;
      status.textContent = ics.message;
      return;
    }
    const chains = await client.consumerChains({ phase });
    const counts = await Promise.all(
      chains.map((c) =>
        c.phase === 'launched' || c.phase === 'registered' || c.phase === 'initialized'
          ? client.consumerValidators(c.consumerId).then(
              (v) => String(v.length),
              () => '–',
            )
          : Promise.resolve('–'),
      ),
    );
    const body = table.tBodies[0]!;
    body.replaceChildren(...chains.map((c, i) => row(c, counts[i]!)));
    table.hidden = chains.length === 0;
    status.textContent = chains.length === 0 ? `No consumer chains in phase "${phase}".` : `${chains.length} consumer chains (${phase}).`;
  } catch (error) {
    table.hidden = true;
    status.className = 'error';
    status.textContent = isIcsError(error) ? error.message : `Unexpected error: ${String(error)}`;
  }
}

phaseSelect.addEventListener('change', () => void load(phaseSelect.value as ConsumerPhase | 'all'));
void load('launched');
