import {api} from '../api.js';
import {badge, clear, empty, facts, h, probability, shortId, table, timeElement} from '../dom.js';
import {link} from '../nav.js';

/** The audit view of one logged API request: what was asked, by whom, how it was answered, what it predicted. */
export async function render({main, id, params, signal}) {
  document.title = 'Request · mlledger';
  const r = await api('/requests/' + encodeURIComponent(id), {signal});
  const from = params.get('prediction');
  clear(main,
    h('h1', {}, 'Request ', h('span', {class: 'mono'}, r.id)),
    h('section', {class: 'panel', id: 'request-facts'},
      facts([
        ['Method', h('span', {class: 'mono', 'data-field': 'method'}, r.method)],
        ['Path', h('span', {class: 'mono', 'data-field': 'endpoint'}, r.endpoint)],
        ['Status', h('span', {'data-field': 'http_status'}, String(r.http_status))],
        ['Duration', h('span', {'data-field': 'response_time_ms'}, r.response_time_ms === null || r.response_time_ms === undefined ? '—' : r.response_time_ms + ' ms')],
        ['Received', timeElement(r.created_at)],
        ['Principal', r.principal
          ? h('a', {href: link('predictions', {principal: r.principal}), 'data-field': 'principal', title: 'Predictions of the requests it made'}, r.principal)
          : h('span', {'data-field': 'principal'}, '—')],
        ['Role', h('span', {'data-field': 'role'}, r.role ?? '—')],
        ['Client', h('span', {'data-field': 'client_ip'}, r.client_ip ?? '—')],
        ['User agent', h('span', {'data-field': 'user_agent'}, r.user_agent ?? '—')],
      ])),
    h('section', {class: 'panel'},
      h('h2', {}, 'Body'),
      h('pre', {id: 'request-body', tabindex: 0}, JSON.stringify(r.request_data, null, 2))),
    h('section', {class: 'panel'},
      h('h2', {}, `Predictions it made (${r.predictions.length})`),
      r.predictions.length === 0 ? empty('This request made no prediction.')
        : table(['Prediction', 'Employee', 'Probability', 'Risk', 'Model version'].map((t) => h('th', {scope: 'col'}, t)),
          r.predictions.map((p) => h('tr', {class: p.prediction_id === from ? 'current' : null, 'data-prediction': p.prediction_id},
            h('td', {}, h('a', {href: link('predictions/' + p.prediction_id), class: 'mono'}, shortId(p.prediction_id)),
              p.prediction_id === from ? h('span', {class: 'muted'}, ' (you came from here)') : null),
            h('td', {}, p.employee_id ?? '—'),
            h('td', {class: 'num'}, probability(p.attrition_prob)),
            h('td', {}, badge(p.risk_level)),
            h('td', {}, p.model_version))),
          {id: 'request-predictions'})));
}
