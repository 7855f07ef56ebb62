import {api, may, query} from '../api.js';
import {badge, clear, empty, errorBox, field, h, loading, number, select, timeElement} from '../dom.js';
import {formValues, link, navigate} from '../nav.js';

export const EXPERIMENT_STATUSES = ['created', 'running', 'completed', 'failed'];

export async function render({main, params, user, signal}) {
  document.title = 'Experiments · mlledger';
  const owner = params.get('owner') ?? '';
  const status = params.get('status') ?? '';
  const form = h('form', {class: 'filters panel', id: 'experiment-filters', onsubmit: (event) => {
    event.preventDefault();
    navigate('experiments', formValues(event.target));
  }},
  field('Owner', h('input', {type: 'text', name: 'owner', value: owner, maxlength: 50})),
  field('Status', select('status', [['', 'Any'], ...EXPERIMENT_STATUSES.map((s) => [s, s])], status)),
  h('button', {type: 'submit'}, 'Filter'),
  h('a', {href: link('experiments'), class: 'button secondary'}, 'Clear'));
  const results = h('div', {id: 'experiment-results'}, loading());
  clear(main, h('h1', {}, 'Experiments'), may(user, 'track') ? createForm(user) : null, form, results);

  const body = h('tbody');
  const more = h('button', {type: 'button', id: 'load-more', class: 'secondary'}, 'Load more');
  let cursor = null;
  let shown = 0;
  async function load() {
    more.disabled = true;
    const page = await api('/experiments' + query({owner, status, limit: 50, cursor}), {signal});
    for (const e of page.items) {
      body.append(h('tr', {'data-experiment': e.id},
        h('td', {class: 'wrap'}, h('a', {href: link('experiments/' + e.id)}, e.name)),
        h('td', {}, h('a', {href: link('experiments', {owner: e.owner})}, e.owner)),
        h('td', {}, badge(e.status)),
        h('td', {class: 'num', 'data-field': 'run_count'}, number(e.run_count)),
        h('td', {}, timeElement(e.created_at))));
    }
    shown += page.items.length;
    cursor = page.next_cursor;
    more.hidden = !cursor;
    more.disabled = false;
  }
  more.addEventListener('click', () => load().catch((error) => more.after(errorBox(error))));
  try {
    await load();
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    clear(results, errorBox(error));
    return;
  }
  clear(results, shown === 0 ? empty('No experiments match these filters.')
    : [h('div', {class: 'table-wrap'}, h('table', {id: 'experiment-table'},
      h('thead', {}, h('tr', {}, ['Name', 'Owner', 'Status', 'Runs', 'Created (UTC)'].map((t) => h('th', {scope: 'col'}, t)))), body)),
    h('div', {class: 'actions'}, more)]);
}

function createForm(user) {
  const message = h('div');
  const form = h('form', {class: 'filters', id: 'create-experiment', onsubmit: async (event) => {
    event.preventDefault();
    const values = formValues(event.target);
    clear(message);
    try {
      const created = await api('/experiments', {method: 'POST', body: {name: values.name ?? '', owner: values.owner, description: values.description}});
      navigate('experiments/' + created.id);
    } catch (error) {
      clear(message, errorBox(error));
    }
  }},
  field('Name', h('input', {type: 'text', name: 'name', required: true, maxlength: 100})),
  // a tracker's experiments are its own; only an admin may name another owner
  may(user, 'admin') ? field('Owner (empty: you)', h('input', {type: 'text', name: 'owner', maxlength: 50})) : null,
  field('Description', h('input', {type: 'text', name: 'description', size: 30})),
  h('button', {type: 'submit'}, 'Create experiment'));
  return h('details', {class: 'panel', id: 'new-experiment'}, h('summary', {}, 'New experiment'), form, message);
}
