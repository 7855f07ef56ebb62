import {api} from '../api.js';
import {clear, errorBox, field, h, number, select} from '../dom.js';
import {formValues} from '../nav.js';

/** Admin only: issue API tokens and purge old request-log entries. */
export async function render({main}) {
  document.title = 'Admin · mlledger';
  const tokenResult = h('div', {id: 'token-result'});
  const tokenForm = h('form', {class: 'filters', id: 'create-token', onsubmit: async (event) => {
    event.preventDefault();
    const values = formValues(event.target);
    clear(tokenResult);
    try {
      const created = await api('/tokens', {method: 'POST', body: {name: values.name ?? '', role: values.role}});
      clear(tokenResult, h('div', {class: 'notice', role: 'status'},
        h('p', {}, `Token for ${created.name} (${created.role}). Copy it now: it is not shown again.`),
        h('p', {class: 'token', id: 'new-token'}, created.token)));
      event.target.reset();
    } catch (error) {
      clear(tokenResult, errorBox(error));
    }
  }},
  field('Name', h('input', {type: 'text', name: 'name', required: true, maxlength: 50})),
  field('Role', select('role', [['reader', 'reader'], ['scorer', 'scorer'], ['tracker', 'tracker'], ['admin', 'admin']], 'reader')),
  h('button', {type: 'submit'}, 'Create token'));

  const purgeResult = h('div', {id: 'purge-result'});
  const confirmPurge = h('button', {type: 'button', class: 'danger', id: 'confirm-purge', hidden: true}, 'Delete them now');
  const days = h('input', {type: 'number', name: 'older_than_days', min: 1, max: 36500, value: 365, required: true, style: 'width: 8rem'});
  const purgeForm = h('form', {class: 'filters', id: 'purge', onsubmit: (event) => {
    event.preventDefault();
    confirmPurge.hidden = false;
    confirmPurge.focus();
  }},
  field('Older than (days)', days),
  h('button', {type: 'submit', class: 'secondary'}, 'Purge…'),
  confirmPurge);
  confirmPurge.addEventListener('click', async () => {
    confirmPurge.hidden = true;
    clear(purgeResult);
    try {
      const result = await api('/retention?older_than_days=' + encodeURIComponent(days.value), {method: 'DELETE'});
      clear(purgeResult, h('p', {class: 'notice', role: 'status'},
        `Deleted ${number(result.deleted_requests)} logged requests and ${number(result.deleted_predictions)} predictions.`));
    } catch (error) {
      clear(purgeResult, errorBox(error));
    }
  });

  clear(main,
    h('h1', {}, 'Admin'),
    h('section', {class: 'panel'}, h('h2', {}, 'API tokens'),
      h('p', {class: 'muted'}, 'Readers see everything; scorers also score and record predictions; trackers also track experiments; admins do everything.'),
      tokenForm, tokenResult),
    h('section', {class: 'panel'}, h('h2', {}, 'Retention'),
      h('p', {class: 'muted'}, 'Deletes logged requests older than the cut-off, and the predictions they made.'),
      purgeForm, purgeResult));
}
