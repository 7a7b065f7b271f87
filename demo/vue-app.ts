// The explorer in Vue 3 (Composition API): the custom elements used directly, composed with Vue
// state. The list's selection, the chart's variant and top-K, and the elements' errors live in
// refs; the elements read the chain. Query parameters: ?rest=<REST URL>&chart=<variant>.
//
// Written with render functions (h), so no template compiler is involved. In a template (an SFC or
// the runtime-compiling build) tell Vue the tags are custom elements instead of components:
//   app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('ics-')
// (or the same function in @vitejs/plugin-vue's template.compilerOptions), then write
//   <ics-consumer-list :selected="id" @ics-select="onSelect" />  and  <ics-power-chart :limit.prop="k" />.
import { createApp, defineComponent, h, ref } from 'vue';
// The package's entry points by path, as the other demo pages do: one element's define.ts each
// (ics-elements/provider-chain, …), and ics-elements/format (neutralise: chain ids are written by
// anyone; Vue inserts them as text).
import '../components/provider-chain/define.js';
import '../components/consumer-list/define.js';
import '../components/consumer-card/define.js';
import '../components/power-chart/define.js';
import type { IcsErrorEvent, IcsSelectDetail, IcsSelectEvent, PowerChartVariant } from '../components/index.js';
import { neutralise } from '../src/format/index.js';

const params = new URLSearchParams(location.search);
const rest = params.get('rest') ?? 'http://127.0.0.1:1317';
const VARIANTS: Record<PowerChartVariant, string> = { bars: 'ranked bars', cumulative: 'cumulative share', compare: 'provider vs consumer power' };
const firstVariant = params.get('chart') as PowerChartVariant | null;

type Source = 'list' | 'card' | 'chart';

const Explorer = defineComponent(() => {
  const selected = ref<IcsSelectDetail>();
  const variant = ref<PowerChartVariant>(firstVariant && firstVariant in VARIANTS ? firstVariant : 'bars');
  const limit = ref<number>();
  const errors = ref<Partial<Record<Source, string>>>({});

  // Each element reports its own failures (it also shows them, with a Retry button); the page
  // keeps the latest per element and forgets the card's and chart's when another chain is chosen.
  const onError = (source: Source) => (event: IcsErrorEvent) => (errors.value = { ...errors.value, [source]: event.detail.error.message });
  const onSelect = (event: IcsSelectEvent) => {
    selected.value = event.detail;
    const { list } = errors.value;
    errors.value = list ? { list } : {};
  };

  const header = () =>
    h('header', [
      h('h1', 'Consumer chains in Vue 3'),
      h('p', ['The custom elements in a Vue app. Provider: ', h('code', { id: 'endpoint' }, rest)]),
      h(
        'p',
        { id: 'selection', 'aria-live': 'polite' },
        selected.value
          ? `Selected: #${selected.value.consumerId} (${neutralise(selected.value.chainId)})`
          : 'Nothing selected: choose a row (click, or Enter on a focused row).',
      ),
      Object.keys(errors.value).length > 0
        ? h(
            'ul',
            { id: 'errors', class: 'errors', role: 'alert' },
            Object.entries(errors.value).map(([source, message]) => h('li', { key: source }, `${source}: ${message}`)),
          )
        : null,
    ]);

  const chartControls = () =>
    h('div', { class: 'controls' }, [
      h('label', [
        'Chart ',
        h(
          'select',
          { id: 'chart-variant', value: variant.value, onChange: (e: Event) => (variant.value = (e.target as HTMLSelectElement).value as PowerChartVariant) },
          Object.entries(VARIANTS).map(([value, label]) => h('option', { value }, label)),
        ),
      ]),
      h('label', [
        'Show the top ',
        h('input', {
          id: 'chart-limit',
          type: 'number',
          min: 1,
          placeholder: 'all',
          style: 'inline-size: 5em',
          value: limit.value ?? '',
          onInput: (e: Event) => {
            const value = (e.target as HTMLInputElement).valueAsNumber;
            limit.value = Number.isInteger(value) && value > 0 ? value : undefined;
          },
        }),
      ]),
    ]);

  // `.limit` sets the chart's property (a number) whether or not the element is defined yet; when
  // the box is cleared Vue unsets it by setting 0, which the chart reads as "every validator".
  // `onIcsError` listens to its `ics-error` event.
  const chart = (id: string) =>
    h('ics-power-chart', {
      id: 'chart',
      consumerId: id,
      variant: variant.value,
      '.limit': limit.value,
      onIcsError: onError('chart'),
    });

  // Card and chart appear once a chain is selected; later selections only change their properties.
  const selectedChain = (id: string) => [
    h('section', [h('h2', 'Selected chain'), h('ics-consumer-card', { id: 'card', consumerId: id, onIcsError: onError('card') })]),
    h('section', { class: 'wide' }, [h('h2', 'Voting power'), chartControls(), chart(id)]),
  ];

  return () => [
    header(),
    h('main', [
      h('ics-provider-chain', { rest }, [
        h('div', { class: 'grid' }, [
          h('section', [
            h('h2', 'Consumer chains'),
            h('ics-consumer-list', { id: 'list', selected: selected.value?.consumerId, onIcsSelect: onSelect, onIcsError: onError('list') }),
          ]),
          ...(selected.value ? selectedChain(selected.value.consumerId) : []),
        ]),
      ]),
    ]),
  ];
});

// Vue's esm-bundler build reads these compile-time flags as globals when no bundler plugin
// (@vitejs/plugin-vue) defines them, and warns; this page uses no plugin, so it sets them itself.
Object.assign(globalThis, { __VUE_OPTIONS_API__: false, __VUE_PROD_DEVTOOLS__: false, __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false });

createApp(Explorer).mount('#app');
