import {api} from '../api.js';
import {badge, clear, empty, facts, h, probability, table, timeElement} from '../dom.js';
import {link} from '../nav.js';

export async function render({main, id, signal}) {
  document.title = 'Prediction · mlledger';
  const p = await api('/predictions/' + encodeURIComponent(id), {signal});
  const snapshot = p.features_snapshot && typeof p.features_snapshot === 'object' ? Object.entries(p.features_snapshot) : [];
  clear(main,
    h('h1', {}, 'Prediction ', h('span', {class: 'mono'}, p.prediction_id)),
    h('div', {class: 'grid'},
      h('section', {class: 'panel', id: 'prediction-facts'},
        facts([
          ['Employee', p.employee_id ?? '—'],
          ['Attrition probability', probability(p.attrition_prob)],
          ['Risk level', badge(p.risk_level)],
          ['Model version', h('a', {href: link('predictions', {model_version: p.model_version})}, p.model_version)],
          ['Prediction date', timeElement(p.prediction_date)],
          ['Recorded', timeElement(p.created_at)],
          ['Request', h('a', {href: link('requests/' + p.request_id, {prediction: p.prediction_id}), id: 'request-link'}, 'The logged request that made it')],
        ])),
      h('section', {class: 'panel'},
        h('h2', {}, 'Features snapshot'),
        snapshot.length === 0 ? empty('No features were recorded with this prediction.')
          : table([h('th', {}, 'Feature'), h('th', {}, 'Value')],
            snapshot.map(([name, value]) => h('tr', {}, h('td', {}, name), h('td', {class: 'wrap'}, JSON.stringify(value)))),
            {id: 'features-snapshot'}))),
    p.employee_id ? h('p', {}, h('a', {href: link('predictions', {employee_id: p.employee_id})}, `Every prediction for ${p.employee_id}`)) : null);
}
