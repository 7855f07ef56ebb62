import {api} from '../api.js';
import {badge, clear, empty, errorBox, field, h, number, select, table, timeElement} from '../dom.js';
import {formValues} from '../nav.js';

const ROLES = ['reader', 'scorer', 'tracker', 'admin'];

/** Admin only: API tokens (issue, list, revoke) and the request-log purge. */
export async function render({main, user, signal}) {
  document.title = 'Admin · mlledger';
  const tokenResult = h('div', {id: 'token-result'});
  const tokenList = h('div', {id: 'token-list'});
  const tokenForm = h('form', {class: 'filters', id: 'create-token', onsubmit: async (event) => {
    event.preventDefault();
    const values = formValues(event.target);
    clear(tokenResult);
    try {
      const created = await api('/tokens', {method: 'POST', body: {
        name: values.name ?? '', role: values.role,
        expires_in_days: values.expires_in_days ? Number(values.expires_in_days) : undefined,
      }});
      clear(tokenResult, h('div', {class: 'notice', role: 'status'},
        h('p', {}, `Token for ${created.name} (${created.role}). Copy it now: it is not shown again.`),
        h('p', {class: 'token', id: 'new-token'}, created.token)));
      event.target.reset();
      await listTokens();
    } catch (error) {
      clear(tokenResult, errorBox(error));
    }
  }},
  field('Name', h('input', {type: 'text', name: 'name', required: true, maxlength: 50, autocomplete: 'off'})),
  field('Role', select('role', ROLES.map((role) => [role, role]), 'reader')),
  field('Expires in days (empty: never)', h('input', {type: 'number', name: 'expires_in_days', min: 1, max: 3650, class: 'narrow'})),
  h('button', {type: 'submit'}, 'Create token'));

  async function listTokens() {
    const tokens = await api('/tokens', {signal});
    clear(tokenList, tokens.length === 0 ? empty('No tokens yet.')
      : table(['Name', 'Role', 'State', 'Created (UTC)', 'Expires (UTC)', ''].map((t) => h('th', {scope: 'col'}, t)),
        tokens.map((token) => h('tr', {'data-token': token.name},
          h('td', {}, token.name), h('td', {}, token.role), h('td', {}, badge(token.state)),
          h('td', {}, timeElement(token.created_at)), h('td', {}, timeElement(token.expires_at)),
          h('td', {}, token.state === 'active' && token.name !== user.name
            ? h('button', {type: 'button', class: 'secondary', 'data-revoke': token.name, onclick: async (event) => {
              event.target.disabled = true;
              try {
                await api('/tokens/' + encodeURIComponent(token.name), {method: 'DELETE'});
                await listTokens();
              } catch (error) {
                clear(tokenResult, errorBox(error));
                event.target.disabled = false;
              }
            }}, 'Revoke') : null))),
        {id: 'tokens'}));
  }

  const purgeResult = h('div', {id: 'purge-result'});
  const confirmPurge = h('button', {type: 'button', class: 'danger', id: 'confirm-purge', hidden: true}, 'Delete them now');
  const days = h('input', {type: 'number', name: 'older_than_days', min: 1, max: 36500, value: 365, required: true, class: 'narrow'});
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
      h('p', {class: 'muted'}, 'Readers see everything; scorers also score and record predictions; trackers also create experiments and change their own; admins do everything. The name is who the token acts as: the owner of what it creates and the principal in the request log.'),
      tokenForm, tokenResult, tokenList),
    h('section', {class: 'panel'}, h('h2', {}, 'Retention'),
      h('p', {class: 'muted'}, 'Deletes logged requests older than the cut-off, and the predictions they made.'),
      purgeForm, purgeResult));
  await listTokens();
}
