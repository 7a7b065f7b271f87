// The explorer in React 19: the elements through their React wrappers (`ics-elements/react`),
// composed with React state. The list's selection, the chart's variant and the elements' errors
// live in React; the elements read the chain. Query parameters: ?rest=<REST URL>&chart=<variant>.
import { StrictMode, useState } from 'react';
import type { ChangeEvent } from 'react';
import { createRoot } from 'react-dom/client';
// The package's entry points by path, as the other demo pages do: ics-elements/react and
// ics-elements/format (neutralise: chain ids are written by anyone; React inserts them as text).
import { IcsConsumerCard, IcsConsumerList, IcsPowerChart, IcsProviderChain } from '../react/index.js';
import type { IcsErrorEvent, IcsSelectDetail } from '../react/index.js';
import type { PowerChartVariant } from '../components/index.js';
import { neutralise } from '../src/format/index.js';

const params = new URLSearchParams(location.search);
const rest = params.get('rest') ?? 'http://127.0.0.1:1317';
const VARIANTS: Record<PowerChartVariant, string> = { bars: 'ranked bars', cumulative: 'cumulative share', compare: 'provider vs consumer power' };
const firstVariant = params.get('chart') as PowerChartVariant | null;

type Source = 'list' | 'card' | 'chart';

function Explorer() {
  const [selected, setSelected] = useState<IcsSelectDetail>();
  const [variant, setVariant] = useState<PowerChartVariant>(firstVariant && firstVariant in VARIANTS ? firstVariant : 'bars');
  const [errors, setErrors] = useState<Partial<Record<Source, string>>>({});

  // Each element reports its own failures (it also shows them, with a Retry button); the page
  // keeps the latest per element and forgets the card's and chart's when another chain is chosen.
  const onError = (source: Source) => (event: IcsErrorEvent) => setErrors((e) => ({ ...e, [source]: event.detail.error.message }));
  const select = (detail: IcsSelectDetail) => {
    setSelected(detail);
    setErrors(({ list }) => (list ? { list } : {}));
  };

  return (
    <>
      <header>
        <h1>Consumer chains in React 19</h1>
        <p>
          The elements through <code>ics-elements/react</code>, in a React app. Provider: <code id="endpoint">{rest}</code>
        </p>
        <p id="selection" aria-live="polite">
          {selected
            ? `Selected: #${selected.consumerId} (${neutralise(selected.chainId)})`
            : 'Nothing selected: choose a row (click, or Enter on a focused row).'}
        </p>
        {Object.keys(errors).length > 0 && (
          <ul id="errors" className="errors" role="alert">
            {Object.entries(errors).map(([source, message]) => (
              <li key={source}>
                {source}: {message}
              </li>
            ))}
          </ul>
        )}
      </header>
      <main>
        <IcsProviderChain rest={rest}>
          <div className="grid">
            <section>
              <h2>Consumer chains</h2>
              <IcsConsumerList id="list" selected={selected?.consumerId} onIcsSelect={(e) => select(e.detail)} onIcsError={onError('list')} />
            </section>
            {/* Card and chart appear once React holds a selection; later selections only change their props. */}
            {selected && (
              <>
                <section>
                  <h2>Selected chain</h2>
                  <IcsConsumerCard id="card" consumerId={selected.consumerId} onIcsError={onError('card')} />
                </section>
                <section className="wide">
                  <h2>Voting power</h2>
                  <div className="controls">
                    <label>
                      Chart{' '}
                      <select
                        id="chart-variant"
                        value={variant}
                        onChange={(e: ChangeEvent<HTMLSelectElement>) => setVariant(e.target.value as PowerChartVariant)}
                      >
                        {Object.entries(VARIANTS).map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </label>
                  </div>
                  <IcsPowerChart id="chart" consumerId={selected.consumerId} variant={variant} onIcsError={onError('chart')} />
                </section>
              </>
            )}
          </div>
        </IcsProviderChain>
      </main>
    </>
  );
}

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
