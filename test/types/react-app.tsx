// Typing fixture (compiled by `tsc -p test/types/tsconfig.react.json` in the test command): the raw
// tags in React 19 JSX, typed from custom-elements.json (react/jsx.ts). Each @ts-expect-error line
// must be an error, or tsc fails with "Unused '@ts-expect-error' directive".
import { useState } from 'react';
import { IcsConsumerList as ConsumerList } from 'ics-elements/react';
import type { IcsSelectEvent, IcsTxConfirmedEvent } from 'ics-elements/react';

export function App() {
  const [selected, setSelected] = useState('');
  const onSelect = (event: IcsSelectEvent) => setSelected(event.detail.consumerId);
  return (
    <>
      <ConsumerList phase="all" onIcsSelect={onSelect} />
      <ics-provider-chain rest="https://rest.example" rpc="https://rpc.example" chain-id="cosmoshub-4">
        <ics-consumer-list sort="name" phase="launched" showEmpty selected={selected} onics-select={(event) => setSelected(event.detail.consumerId)} />
        <ics-consumer-card consumer-id="0" variant="compact" blockTime={6} className="card" />
        <ics-power-chart consumerId={selected} variant="cumulative" limit={10} onics-error={(event) => console.log(event.detail.error.kind)} />
        <ics-opt-in-button consumer-id="4" validator="cosmosvaloper1…" onics-tx-confirmed={(event: IcsTxConfirmedEvent) => console.log(event.detail.hash)} />
        <ics-validator-chains validator="cosmosvaloper1…" theme="dark" />
        <ics-validator-settings consumer-id="4" validator="cosmosvaloper1…" />

        {/* @ts-expect-error: a wrong value: sort is one of share, validators, name, consumer-id, spawn-time */}
        <ics-consumer-list sort="bogus" />
        {/* @ts-expect-error: a wrong type: a consumer id is a string */}
        <ics-consumer-card consumerId={5} />
        {/* @ts-expect-error: an unknown prop */}
        <ics-power-chart bogusProp="x" />
        {/* @ts-expect-error: a wrong handler: ics-select's event has no `hash` in its detail */}
        <ics-consumer-list onics-select={(event) => event.detail.hash} />
        {/* @ts-expect-error: a wrong handler: the card's events are ics-error, not a number */}
        <ics-consumer-card onics-error={(event: number) => event} />
      </ics-provider-chain>
    </>
  );
}
