import {api} from '../api.js';
import {badge, clear, facts, h, probability, table} from '../dom.js';

export async function render({main, signal}) {
  document.title = 'Model · mlledger';
  const model = await api('/model', {signal});
  const {medium, high} = model.thresholds;
  clear(main,
    h('h1', {}, 'Model'),
    h('div', {class: 'grid'},
      h('section', {class: 'panel', id: 'model-facts'}, facts([
        ['Version', h('span', {class: 'mono', id: 'model-version'}, model.model_version)],
        ['Features', String(model.features.length)],
      ])),
      h('section', {class: 'panel', id: 'thresholds'}, h('h2', {}, 'Risk thresholds'),
        facts([
          [badge('LOW'), `below ${probability(medium)}`],
          [badge('MEDIUM'), `from ${probability(medium)} to below ${probability(high)}`],
          [badge('HIGH'), `from ${probability(high)}`],
        ]),
        h('p', {class: 'muted', 'data-thresholds': JSON.stringify(model.thresholds)}, `medium = ${medium}, high = ${high}`))),
    h('section', {class: 'panel'}, h('h2', {}, 'Features'),
      table(['Name', 'Type', 'Required', 'Values'].map((t) => h('th', {scope: 'col'}, t)),
        model.features.map((f) => h('tr', {'data-feature': f.name},
          h('td', {class: 'mono'}, f.name),
          h('td', {}, f.type),
          h('td', {}, f.required ? 'yes' : 'no'),
          h('td', {class: 'wrap'}, f.values?.length ? f.values.join(', ') : '—'))),
        {id: 'features'}),
      h('p', {class: 'muted'}, 'The API does not publish how each number feature is scaled (mean and scale of its standardisation); see docs/model.md for the model file.')));
}
