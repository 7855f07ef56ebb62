import {api, query} from '../api.js';
import {badge, clear, empty, errorBox, field, h, loading, probability, select, timeElement, toInstant, toLocalInput} from '../dom.js';
import {formValues, link, navigate} from '../nav.js';

/** Every filter of GET /api/v1/predictions; the URL holds them, so a filtered list is a link. */
const FILTERS = ['risk_level', 'employee_id', 'model_version', 'principal', 'from', 'to', 'min_prob', 'max_prob', 'limit'];

export async function render({main, params, signal}) {
  document.title = 'Predictions · mlledger';
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  const form = h('form', {class: 'filters panel', id: 'prediction-filters', onsubmit: (event) => {
    event.preventDefault();
    const values = formValues(event.target);
    if (values.from) values.from = toInstant(values.from);
    if (values.to) values.to = toInstant(values.to);
    navigate('predictions', values);
  }},
  field('Risk level', select('risk_level', [['', 'Any'], ['LOW', 'LOW'], ['MEDIUM', 'MEDIUM'], ['HIGH', 'HIGH']], filters.risk_level)),
  field('Employee', h('input', {type: 'text', name: 'employee_id', value: filters.employee_id, maxlength: 50, size: 12})),
  field('Model version', h('input', {type: 'text', name: 'model_version', value: filters.model_version, maxlength: 50, size: 18})),
  field('Requested by', h('input', {type: 'text', name: 'principal', value: filters.principal, maxlength: 255, size: 12})),
  field('Created from (UTC)', h('input', {type: 'datetime-local', name: 'from', value: toLocalInput(filters.from), step: 1})),
  field('Created before (UTC)', h('input', {type: 'datetime-local', name: 'to', value: toLocalInput(filters.to), step: 1})),
  field('Min probability', h('input', {type: 'number', name: 'min_prob', value: filters.min_prob, step: 'any', class: 'narrow'})),
  field('Max probability', h('input', {type: 'number', name: 'max_prob', value: filters.max_prob, step: 'any', class: 'narrow'})),
  field('Page size', select('limit', [['', '50'], ['20', '20'], ['100', '100'], ['500', '500']], filters.limit)),
  h('button', {type: 'submit'}, 'Filter'),
  h('a', {href: link('predictions'), class: 'button secondary'}, 'Clear'));
  const results = h('div', {id: 'prediction-results'}, loading());
  clear(main, h('h1', {}, 'Predictions'), form, results);

  const body = h('tbody');
  const more = h('button', {type: 'button', id: 'load-more', class: 'secondary'}, 'Load more');
  const count = h('p', {class: 'muted', id: 'shown-count', role: 'status'});
  let cursor = null;
  let shown = 0;
  async function load() {
    more.disabled = true;
    const page = await api('/predictions' + query({...filters, cursor}), {signal});
    for (const p of page.items) {
      body.append(h('tr', {'data-prediction': p.prediction_id},
        h('td', {}, timeElement(p.created_at)),
        h('td', {}, p.employee_id ?? '—'),
        h('td', {class: 'num'}, probability(p.attrition_prob)),
        h('td', {}, badge(p.risk_level)),
        h('td', {}, p.model_version),
        h('td', {}, h('a', {href: link('predictions/' + p.prediction_id)}, 'Prediction'), ' · ',
          h('a', {href: link('requests/' + p.request_id, {prediction: p.prediction_id})}, 'Request'))));
    }
    shown += page.items.length;
    cursor = page.next_cursor;
    more.hidden = !cursor;
    more.disabled = false;
    count.textContent = `${shown} shown` + (cursor ? ', more to load' : ', all shown');
  }
  more.addEventListener('click', () => load().catch((error) => {
    if (error.name !== 'AbortError') more.after(errorBox(error));
  }));
  await load().then(() => {
    clear(results, shown === 0 ? empty('No predictions match these filters.')
      : [h('div', {class: 'table-wrap'}, h('table', {id: 'prediction-table'},
        h('thead', {}, h('tr', {}, ['Created (UTC)', 'Employee', 'Probability', 'Risk', 'Model version', 'Links'].map((t) => h('th', {scope: 'col'}, t)))),
        body)),
      h('div', {class: 'actions'}, more, count)]);
  }, (error) => {
    if (error.name === 'AbortError') throw error;
    clear(results, errorBox(error));
  });
}
