// The React wrappers on the server (react-dom/server, as Next.js renders a client component's first
// HTML): the tag keeps its attributes (endpoint, ids, variant), so the page means something before
// hydration; objects and event handlers stay for the client.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { IcsConsumerCard, IcsConsumerList, IcsOptInButton, IcsPowerChart, IcsProviderChain } from '../../react/index.js';

describe('React wrappers, rendered on the server', () => {
  it('keep the attributes: endpoints, ids, variant, booleans, numbers; plain HTML props too', () => {
    const html = renderToString(
      createElement(
        IcsProviderChain,
        { rest: 'https://rest.example', rpc: 'https://rpc.example', chainId: 'provider-1' },
        createElement(IcsConsumerCard, { consumerId: '0', variant: 'compact', id: 'card', className: 'security' }),
        createElement(IcsConsumerList, { phase: 'all', showEmpty: true, sort: 'name', onIcsSelect: () => undefined }),
        createElement(IcsPowerChart, { consumerId: '4', limit: 10, variant: 'cumulative' }),
        createElement(IcsOptInButton, { consumerId: '4', validator: 'cosmosvaloper1xyz', wallet: undefined }),
      ),
    );
    assert.match(html, /<ics-provider-chain rest="https:\/\/rest.example" rpc="https:\/\/rpc.example" chain-id="provider-1">/);
    assert.match(html, /<ics-consumer-card consumer-id="0" variant="compact" id="card" class="security"><\/ics-consumer-card>/);
    assert.match(html, /<ics-consumer-list phase="all" show-empty="" sort="name"><\/ics-consumer-list>/);
    assert.match(html, /<ics-power-chart consumer-id="4" limit="10" variant="cumulative"><\/ics-power-chart>/);
    assert.match(html, /<ics-opt-in-button consumer-id="4" validator="cosmosvaloper1xyz"><\/ics-opt-in-button>/);
    assert.doesNotMatch(html, /onIcsSelect|wallet|function/);
  });
});
