// The single page: a hash router (#/page/id?filters), so that every view, filter and selection is a deep link
// served by the same static index.html.
import {ApiError, session} from './api.js';
import {clear, errorBox, loading} from './dom.js';
import {link, navigate} from './nav.js';
import * as signin from './pages/signin.js';
import * as overview from './pages/overview.js';
import * as predictions from './pages/predictions.js';
import * as prediction from './pages/prediction.js';
import * as request from './pages/request.js';
import * as experiments from './pages/experiments.js';
import * as experiment from './pages/experiment.js';
import * as run from './pages/run.js';
import * as model from './pages/model.js';
import * as admin from './pages/admin.js';

const routes = [
  {pattern: /^signin$/, page: signin, nav: null, public: true},
  {pattern: /^overview$/, page: overview, nav: 'overview'},
  {pattern: /^predictions$/, page: predictions, nav: 'predictions'},
  {pattern: /^predictions\/([^/]+)$/, page: prediction, nav: 'predictions'},
  {pattern: /^requests\/([^/]+)$/, page: request, nav: 'predictions'},
  {pattern: /^experiments$/, page: experiments, nav: 'experiments'},
  {pattern: /^experiments\/([^/]+)$/, page: experiment, nav: 'experiments'},
  {pattern: /^runs\/([^/]+)$/, page: run, nav: 'experiments'},
  {pattern: /^model$/, page: model, nav: 'model'},
  {pattern: /^admin$/, page: admin, nav: 'admin', role: 'admin'},
];

const main = document.getElementById('main');
let current = null;

/** The route part and the query of the location's hash: '#/predictions?risk_level=HIGH'. */
function location() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const at = hash.indexOf('?');
  const path = decodeURIComponent(at < 0 ? hash : hash.slice(0, at));
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  return {path, params};
}

function showChrome(user) {
  document.getElementById('top').hidden = !user;
  document.getElementById('whoami').textContent = user ? `${user.name} (${user.role})` : '';
  for (const element of document.querySelectorAll('[data-role-only]')) {
    element.hidden = !user || user.role !== element.dataset.roleOnly;
  }
}

function markNav(name) {
  for (const element of document.querySelectorAll('[data-nav]')) {
    if (element.dataset.nav === name) element.setAttribute('aria-current', 'page');
    else element.removeAttribute('aria-current');
  }
}

async function render() {
  const {path, params} = location();
  const user = session.user;
  if (!path || (!session.token && path !== 'signin')) {
    const next = path && path !== 'signin' ? window.location.hash.slice(1) : '';
    window.location.replace(link(session.token ? 'overview' : 'signin', next ? {next} : {}));
    return;
  }
  let route = null;
  let match = null;
  for (const candidate of routes) {
    match = path.match(candidate.pattern);
    if (match) {
      route = candidate;
      break;
    }
  }
  current?.abort();
  const controller = new AbortController();
  current = controller;
  // counted across reloads of the tab, so that a reader (or a test) can wait for the next page to be drawn
  const renders = Number(sessionStorage.getItem('mlledger.renders') ?? 0) + 1;
  sessionStorage.setItem('mlledger.renders', String(renders));
  main.dataset.renders = String(renders);
  main.dataset.ready = 'false';
  showChrome(route?.public ? null : user);
  markNav(route?.nav);
  document.title = 'mlledger';
  if (!route || (route.role && user?.role !== route.role)) {
    main.dataset.page = 'none';
    clear(main, errorBox(new ApiError(404, route ? 'This page is for the admin role.' : `There is no page "${path}".`)));
    main.dataset.ready = 'true';
    return;
  }
  clear(main, loading());
  main.dataset.page = route.nav ?? path;
  const context = {
    main, params, user, signal: controller.signal, id: match[1] ? decodeURIComponent(match[1]) : null,
    /** Puts filters into the URL without a new history entry or a re-render. */
    replaceParams(parameters) {
      const target = link(path, parameters);
      if (target !== window.location.hash) history.replaceState(null, '', target);
    },
  };
  try {
    await route.page.render(context);
  } catch (error) {
    if (error.name === 'AbortError' || controller.signal.aborted) return;
    clear(main, errorBox(error));
  }
  if (!controller.signal.aborted) main.dataset.ready = 'true';
}

session.onUnauthorized(() => {
  showChrome(null);
  const here = window.location.hash.slice(1);
  window.location.replace(link('signin', here.startsWith('/signin') ? {} : {next: here, expired: '1'}));
});

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  navigate('signin');
});

document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', render);
render();
