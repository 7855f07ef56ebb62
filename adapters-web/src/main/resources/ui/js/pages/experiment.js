import {api, inParallel, may, metricHistory} from '../api.js';
import {lineChart} from '../charts.js';
import {badge, checkField, clear, duration, empty, errorBox, facts, field, h, loading, metricValue, shortId, timeElement} from '../dom.js';
import {link, navigate} from '../nav.js';

/** The status an experiment may move to from each status (the API refuses the rest with 409). */
const NEXT_STATUSES = {created: ['running'], running: ['completed', 'failed'], completed: [], failed: []};

export async function render(context) {
  const {main, id, params, user, signal} = context;
  const experiment = await api('/experiments/' + encodeURIComponent(id), {signal});
  document.title = `${experiment.name} · mlledger`;
  const state = {
    selected: new Set((params.get('runs') ?? '').split(',').filter(Boolean)),
    metric: params.get('metric') ?? '',
    log: params.get('log') === '1',
    smoothing: Number(params.get('smooth') ?? 0) || 0,
    sort: params.get('sort') ?? 'started_at',
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
  };
  const remember = () => context.replaceParams({
    runs: [...state.selected].join(','), metric: state.metric, log: state.log ? '1' : '',
    smooth: state.smoothing ? String(state.smoothing) : '', sort: state.sort === 'started_at' ? '' : state.sort,
    dir: state.dir === 'desc' ? '' : state.dir,
  });

  const tableArea = h('div', {id: 'runs-area'}, loading('Loading the runs and their latest metrics…'));
  const compareArea = h('section', {class: 'panel', id: 'compare', 'aria-labelledby': 'compare-title'});
  clear(main,
    h('p', {}, h('a', {href: link('experiments')}, '← Experiments')),
    h('h1', {}, experiment.name),
    h('section', {class: 'panel', id: 'experiment-facts'}, facts([
      ['Status', badge(experiment.status)],
      ['Owner', h('a', {href: link('experiments', {owner: experiment.owner})}, experiment.owner)],
      ['Created', timeElement(experiment.created_at)],
      ['Runs', String(experiment.runs.length)],
      ['Description', experiment.description ?? '—'],
    ])),
    may(user, 'change', experiment.owner) ? actions(experiment) : null,
    h('section', {class: 'panel', 'aria-labelledby': 'runs-title'}, h('h2', {id: 'runs-title'}, 'Runs'),
      h('p', {class: 'muted'}, 'Select runs to compare their metric curves below. Filtering runs by params, tags or a search expression comes with the run-search API (issue 12).'),
      tableArea),
    compareArea);

  if (experiment.runs.length === 0) {
    clear(tableArea, empty('This experiment has no runs yet.'));
    compareArea.remove();
    return;
  }
  const runs = await inParallel(experiment.runs.map((run) => () => api('/runs/' + run.id, {signal})));
  const metricNames = [...new Set(runs.flatMap((run) => Object.keys(run.latest_metrics ?? {})))].sort();
  if (!state.metric || !metricNames.includes(state.metric)) state.metric = metricNames[0] ?? '';
  for (const runId of [...state.selected]) {
    if (!runs.some((run) => run.id === runId)) state.selected.delete(runId);
  }

  const columns = [
    {key: 'id', label: 'Run', value: (r) => r.id},
    {key: 'seed', label: 'Seed', value: (r) => r.seed, num: true},
    {key: 'status', label: 'Status', value: (r) => r.status},
    {key: 'started_at', label: 'Started (UTC)', value: (r) => r.started_at},
    {key: 'ended_at', label: 'Ended (UTC)', value: (r) => r.ended_at},
    {key: 'duration', label: 'Duration', value: (r) => r.started_at ? (r.ended_at ? Date.parse(r.ended_at) : Date.now()) - Date.parse(r.started_at) : null, num: true},
    ...metricNames.map((name) => ({key: 'metric:' + name, label: name, value: (r) => r.latest_metrics?.[name], num: true, metric: true})),
  ];

  const chartHolder = h('div', {id: 'compare-chart-area'});
  function drawTable() {
    const column = columns.find((c) => c.key === state.sort) ?? columns[3];
    const sign = state.dir === 'asc' ? 1 : -1;
    const sorted = [...runs].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * sign;
    });
    const head = [h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Compare')), ...columns.map((c) => h('th', {
      scope: 'col', class: c.num ? 'num' : null,
      'aria-sort': c.key === state.sort ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none',
    }, h('button', {type: 'button', class: 'sort', 'data-sort': c.key, onclick: () => {
      state.dir = state.sort === c.key && state.dir === 'asc' ? 'desc' : 'asc';
      state.sort = c.key;
      remember();
      drawTable();
      tableArea.querySelector(`[data-sort="${CSS.escape(c.key)}"]`)?.focus();
    }}, c.label)))];
    const rows = sorted.map((run) => h('tr', {'data-run': run.id},
      h('td', {}, h('input', {type: 'checkbox', class: 'select-run', value: run.id, checked: state.selected.has(run.id),
        'aria-label': `Compare run ${shortId(run.id)}`, onchange: (event) => {
          if (event.target.checked) state.selected.add(run.id); else state.selected.delete(run.id);
          remember();
          drawComparison();
        }})),
      h('td', {}, h('a', {href: link('runs/' + run.id), class: 'mono'}, shortId(run.id))),
      h('td', {class: 'num'}, run.seed ?? '—'),
      h('td', {}, badge(run.status)),
      h('td', {}, timeElement(run.started_at)),
      h('td', {}, timeElement(run.ended_at)),
      h('td', {class: 'num'}, duration(run.started_at, run.ended_at)),
      metricNames.map((name) => h('td', {class: 'num', 'data-metric': name}, metricValue(run.latest_metrics?.[name])))));
    clear(tableArea, h('div', {class: 'table-wrap'}, h('table', {id: 'runs-table'}, h('thead', {}, h('tr', {}, head)), h('tbody', {}, rows))));
  }

  const histories = new Map();
  let drawing = 0;
  let stopChart = null;
  async function drawComparison() {
    const ticket = ++drawing;
    stopChart?.();
    stopChart = null;
    if (!state.metric) {
      clear(chartHolder, empty('These runs have logged no metrics yet.'));
      return;
    }
    const chosen = runs.filter((run) => state.selected.has(run.id));
    if (chosen.length === 0) {
      clear(chartHolder, empty('Select one or more runs in the table to compare their curves.'));
      return;
    }
    clear(chartHolder, loading(`Loading ${state.metric} of ${chosen.length} run(s)…`));
    try {
      const series = await inParallel(chosen.map((run) => async () => {
        const key = run.id + '\u0000' + state.metric;
        if (!histories.has(key)) histories.set(key, metricHistory(run.id, state.metric, signal));
        const {steps, values} = await histories.get(key);
        return {id: run.id, label: `${shortId(run.id)}${run.seed !== null && run.seed !== undefined ? ' (seed ' + run.seed + ')' : ''}`, xs: steps, ys: values};
      }), 4);
      if (ticket !== drawing) return;
      const chart = h('div', {class: 'chart', id: 'compare-chart', 'data-testid': 'compare-chart', 'data-metric': state.metric});
      clear(chartHolder, chart);
      stopChart = lineChart(chart, {series, log: state.log, smoothing: state.smoothing, yLabel: state.metric}).stop;
    } catch (error) {
      if (error.name === 'AbortError') return;
      if (ticket === drawing) clear(chartHolder, errorBox(error));
    }
  }

  const metricSelect = h('select', {id: 'compare-metric', onchange: (event) => { state.metric = event.target.value; remember(); drawComparison(); }},
    metricNames.map((name) => h('option', {value: name, selected: name === state.metric}, name)));
  const logBox = h('input', {type: 'checkbox', id: 'compare-log', checked: state.log, onchange: (event) => { state.log = event.target.checked; remember(); drawComparison(); }});
  const smoothingOutput = h('output', {for: 'compare-smoothing', id: 'compare-smoothing-value'}, state.smoothing.toFixed(2));
  const smoothingInput = h('input', {type: 'range', id: 'compare-smoothing', min: 0, max: 0.99, step: 0.01, value: state.smoothing,
    oninput: (event) => { smoothingOutput.textContent = Number(event.target.value).toFixed(2); },
    onchange: (event) => {
      state.smoothing = Number(event.target.value);
      smoothingOutput.textContent = state.smoothing.toFixed(2);
      remember();
      drawComparison();
    }});
  clear(compareArea,
    h('h2', {id: 'compare-title'}, 'Compare metric curves'),
    metricNames.length === 0 ? null : h('div', {class: 'chart-controls'},
      field('Metric', metricSelect),
      checkField('Log scale', logBox),
      h('div', {class: 'field'}, h('label', {for: 'compare-smoothing'}, 'Smoothing '), h('div', {}, smoothingInput, ' ', smoothingOutput))),
    h('p', {class: 'muted'}, 'x is the step. Long curves are downsampled in the browser to about four points per pixel column, keeping each column\u2019s lowest and highest value. On a log scale, values of 0 or below are not drawn.'),
    chartHolder);
  drawTable();
  await drawComparison();
}

function actions(experiment) {
  const message = h('div', {id: 'experiment-action-message'});
  const act = (work) => async (event) => {
    event.target.disabled = true;
    clear(message);
    try {
      await work();
    } catch (error) {
      clear(message, errorBox(error));
      event.target.disabled = false;
    }
  };
  const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const confirmDelete = h('button', {type: 'button', class: 'danger', id: 'confirm-delete', hidden: true,
    onclick: act(async () => {
      await api('/experiments/' + experiment.id + '?purge=true', {method: 'DELETE'});
      navigate('experiments');
    })}, 'Delete it with its runs and metrics');
  return h('section', {class: 'actions', id: 'experiment-actions', 'aria-label': 'Experiment actions'},
    experiment.status === 'completed' || experiment.status === 'failed' ? null
      : h('button', {type: 'button', id: 'start-run', onclick: act(async () => {
        await api(`/experiments/${experiment.id}/runs`, {method: 'POST', body: {}});
        reload();
      })}, 'Start a run'),
    NEXT_STATUSES[experiment.status].map((status) => h('button', {type: 'button', class: 'secondary', 'data-status': status,
      onclick: act(async () => {
        await api('/experiments/' + experiment.id, {method: 'PATCH', body: {status}});
        reload();
      })}, `Mark ${status}`)),
    h('button', {type: 'button', class: 'secondary', id: 'delete-experiment', onclick: () => {
      confirmDelete.hidden = false;
      confirmDelete.focus();
    }}, 'Delete…'),
    confirmDelete,
    message);
}
