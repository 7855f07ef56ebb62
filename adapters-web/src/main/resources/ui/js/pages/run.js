import {api, inParallel, may, metricHistory} from '../api.js';
import {lineChart} from '../charts.js';
import {badge, checkField, clear, duration, empty, errorBox, facts, h, loading, metricValue, shortId, table, timeElement} from '../dom.js';
import {link} from '../nav.js';

/** A run with a chart for every metric it logged. */
export async function render(context) {
  const {main, id, params, user, signal} = context;
  const run = await api('/runs/' + encodeURIComponent(id), {signal});
  document.title = `Run ${shortId(run.id)} · mlledger`;
  const names = Object.keys(run.latest_metrics ?? {}).sort();
  // a tracker may end only the runs of its own experiments
  const owner = user?.role === 'tracker' && run.status === 'running'
    ? (await api('/experiments/' + run.experiment_id, {signal})).owner : null;
  const state = {log: params.get('log') === '1', smoothing: Number(params.get('smooth') ?? 0) || 0};
  const chartsArea = h('div', {class: 'charts', id: 'run-charts'});
  clear(main,
    h('p', {}, h('a', {href: link('experiments/' + run.experiment_id), id: 'experiment-link'}, '← Its experiment')),
    h('h1', {}, 'Run ', h('span', {class: 'mono'}, run.id)),
    h('div', {class: 'grid'},
      h('section', {class: 'panel', id: 'run-facts'}, facts([
        ['Status', badge(run.status)],
        ['Seed', run.seed ?? '—'],
        ['Started', timeElement(run.started_at)],
        ['Ended', timeElement(run.ended_at)],
        ['Duration', duration(run.started_at, run.ended_at)],
      ]), may(user, 'change', owner) && run.status === 'running' ? finishActions(run) : null),
      h('section', {class: 'panel'}, h('h2', {}, 'Latest metrics'),
        names.length === 0 ? empty('This run has logged no metrics yet.')
          : table([h('th', {}, 'Metric'), h('th', {class: 'num'}, 'Value at the highest step')],
            names.map((name) => h('tr', {}, h('td', {}, name), h('td', {class: 'num', 'data-metric': name}, metricValue(run.latest_metrics[name])))),
            {id: 'latest-metrics'}))),
    h('p', {class: 'muted'}, 'Params and tags of runs come with issue 12; the API does not record them yet.'),
    names.length === 0 ? null : h('section', {'aria-labelledby': 'curves-title'},
      h('h2', {id: 'curves-title'}, 'Curves'),
      h('div', {class: 'chart-controls'},
        checkField('Log scale', h('input', {type: 'checkbox', id: 'run-log', checked: state.log, onchange: (event) => {
          state.log = event.target.checked;
          remember();
          draw();
        }})),
        h('div', {class: 'field'}, h('label', {for: 'run-smoothing'}, 'Smoothing'),
          h('input', {type: 'range', id: 'run-smoothing', min: 0, max: 0.99, step: 0.01, value: state.smoothing, onchange: (event) => {
            state.smoothing = Number(event.target.value);
            remember();
            draw();
          }}))),
      chartsArea));
  if (names.length === 0) return;

  function remember() {
    context.replaceParams({log: state.log ? '1' : '', smooth: state.smoothing ? String(state.smoothing) : ''});
  }
  const histories = new Map(names.map((name) => [name, null]));
  const panels = new Map(names.map((name) => {
    const chart = h('div', {class: 'chart', 'data-testid': 'metric-chart', 'data-metric': name}, loading());
    return [name, {chart, panel: h('section', {class: 'panel'}, h('h3', {}, name), chart), stop: null}];
  }));
  chartsArea.append(...[...panels.values()].map((p) => p.panel));
  function draw() {
    for (const [name, entry] of panels) {
      const history = histories.get(name);
      if (!history) continue;
      entry.stop?.();
      entry.stop = lineChart(entry.chart, {series: [{label: name, id: run.id, xs: history.steps, ys: history.values}],
        log: state.log, smoothing: state.smoothing, yLabel: name, height: 240}).stop;
    }
  }
  await inParallel(names.map((name) => async () => {
    try {
      histories.set(name, await metricHistory(run.id, name, signal));
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      clear(panels.get(name).chart, errorBox(error));
    }
  }), 3);
  draw();
}

function finishActions(run) {
  const message = h('div');
  const finish = (status) => async (event) => {
    event.target.disabled = true;
    try {
      await api('/runs/' + run.id, {method: 'PATCH', body: {status}});
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      clear(message, errorBox(error));
      event.target.disabled = false;
    }
  };
  return h('div', {class: 'actions', id: 'run-actions'},
    h('button', {type: 'button', 'data-status': 'completed', onclick: finish('completed')}, 'Mark completed'),
    h('button', {type: 'button', class: 'secondary', 'data-status': 'failed', onclick: finish('failed')}, 'Mark failed'),
    message);
}
