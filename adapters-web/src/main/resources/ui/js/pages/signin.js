import {api, session} from '../api.js';
import {clear, errorBox, h} from '../dom.js';

export async function render({main, params}) {
  document.title = 'Sign in · mlledger';
  const token = h('input', {type: 'password', id: 'token', name: 'token', autocomplete: 'off', required: true,
    spellcheck: 'false', 'aria-describedby': 'token-help'});
  const message = h('div', {id: 'signin-message'});
  const button = h('button', {type: 'submit', id: 'sign-in'}, 'Sign in');
  const form = h('form', {onsubmit: submit, novalidate: true},
    h('div', {class: 'field'}, h('label', {for: 'token'}, 'API token'), token),
    h('p', {id: 'token-help', class: 'muted'}, 'Your token (mll_…) from an admin. It is kept in this browser tab only, until you sign out or close the tab.'),
    message, button);
  clear(main, h('section', {class: 'signin panel'}, h('h1', {}, 'Sign in to mlledger'),
    params.get('expired') ? h('p', {class: 'notice', role: 'status'}, 'Your session ended or the token was refused. Please sign in again.') : null,
    form));
  token.focus();

  async function submit(event) {
    event.preventDefault();
    const value = token.value.trim();
    if (!value) {
      clear(message, errorBox(new Error('Enter your API token.')));
      token.focus();
      return;
    }
    button.disabled = true;
    clear(message);
    try {
      const user = await api('/whoami', {token: value, handle401: true});
      session.signIn(value, user);
      const next = params.get('next');
      window.location.hash = next && !next.startsWith('/signin') ? next : '#/overview';
    } catch (error) {
      clear(message, errorBox(error.status === 401 ? new Error('This token was not accepted. Check it and try again.') : error));
      button.disabled = false;
      token.focus();
    }
  }
}
