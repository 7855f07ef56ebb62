import {api, inParallel, query} from '../api.js';
import {stackedRiskChart} from '../charts.js';
import {badge, clear, empty, errorBox, field, h, loading, number, probability, select, table, timeElement, toInstant, toLocalInput} from '../dom.js';
import {formValues, link, navigate} from '../nav.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const MAX_BUCKETS = 168;
const RANGES = [['24h', 'Last 24 hours'], ['7d', 'Last 7 days'], ['30d', 'Last 30 days'], ['custom', 'Custom range (UTC)']];
const LEVELS = ['LOW', 'MEDIUM', 'HIGH'];

function floorTo(time, size) {
  return Math.floor(time / size) * size;
}

/** The buckets of the chosen range, aligned to whole UTC hours or days (as the service's roll-ups are). */
export function bucketsOf(params, now = Date.now()) {
  const range = params.get('range') || '24h';
  const bucket = params.get('bucket') || (range === '24h' ? 'hour' : 'day');
  const size = bucket === 'hour' ? HOUR : DAY;
  let start;
  let end;
  if (range === 'custom') {
    start = Date.parse(params.get('from') ?? '');
    end = Date.parse(params.get('to') ?? '');
    if (isNaN(start) || isNaN(end)) throw new Error('Choose both ends of the custom range.');
    if (end <= start) throw new Error('The end of the range must come after its start.');
    start = floorTo(start, size);
    end = floorTo(end - 1, size) + size;
  } else {
    const span = {['24h']: DAY, ['7d']: 7 * DAY, ['30d']: 30 * DAY}[range] ?? DAY;
    end = floorTo(now, size) + size;
    start = end - Math.ceil(span / size) * size;
  }
  const count = Math.round((end - start) / size);
  if (count > MAX_BUCKETS) {
    throw new Error(`That is ${count} ${bucket}s; the chart shows at most ${MAX_BUCKETS}. Choose daily buckets or a shorter range.`);
  }
  const buckets = [];
  for (let t = start; t < end; t += size) {
    buckets.push({from: new Date(t).toISOString(), to: new Date(t + size).toISOString()});
  }
  return {range, bucket, buckets, from: buckets[0].from, to: buckets.at(-1).to};
}

export async function render({main, params, signal}) {
  document.title = 'Overview · mlledger';
  const modelVersion = params.get('model_version') || '';
  const principal = params.get('principal') || '';
  const days = params.get('days') || '7';
  const form = h('form', {class: 'filters panel', id: 'overview-filters', onsubmit: (event) => {
    event.preventDefault();
    const values = formValues(event.target);
    if (values.range === 'custom') {
      values.from = toInstant(values.from);
      values.to = toInstant(values.to);
    } else {
      delete values.from;
      delete values.to;
    }
    navigate('overview', values);
  }});
  const rangeSelect = select('range', RANGES, params.get('range') || '24h');
  const custom = [
    field('From (UTC)', h('input', {type: 'datetime-local', name: 'from', value: toLocalInput(params.get('from'))})),
    field('To (UTC)', h('input', {type: 'datetime-local', name: 'to', value: toLocalInput(params.get('to'))})),
  ];
  const showCustom = () => custom.forEach((element) => { element.hidden = rangeSelect.value !== 'custom'; });
  rangeSelect.addEventListener('change', showCustom);
  const summaryArea = h('div', {id: 'summary'}, loading());
  const chartArea = h('div', {id: 'risk-chart-area'}, loading('Loading the chart…'));
  const highRiskArea = h('div', {id: 'high-risk'}, loading());
  const versionSelect = select('model_version', [['', 'All model versions']], modelVersion);
  clear(main,
    h('h1', {}, 'Predictions overview'),
    form,
    summaryArea,
    h('section', {class: 'panel', 'aria-labelledby': 'chart-title'},
      h('h2', {id: 'chart-title'}, 'Risk levels over time'),
      chartArea),
    h('section', {class: 'panel', 'aria-labelledby': 'high-risk-title'},
      h('h2', {id: 'high-risk-title'}, `High risk, last ${days} days`),
      highRiskArea));
  form.append(
    field('Range', rangeSelect), ...custom,
    field('Buckets', select('bucket', [['', 'Automatic'], ['hour', 'Per hour'], ['day', 'Per day']], params.get('bucket') || '')),
    field('Model version', versionSelect),
    field('Requested by', h('input', {type: 'text', name: 'principal', value: principal, maxlength: 255, size: 12})),
    field('High-risk days', h('input', {type: 'number', name: 'days', min: 1, max: 36500, value: days, class: 'narrow'})),
    h('button', {type: 'submit'}, 'Show'));
  showCustom();

  let chosen;
  try {
    chosen = bucketsOf(params);
  } catch (error) {
    clear(summaryArea, errorBox(error));
    clear(chartArea);
    chosen = null;
  }
  const highRisk = loadHighRisk(highRiskArea, days, principal, signal);
  if (!chosen) {
    await highRisk;
    return;
  }
  const {from, to, buckets} = chosen;
  const listFilter = {from, to, principal};

  const [summary, distribution] = await Promise.all([
    api('/analytics/summary' + query({from, to, principal}), {signal}),
    api('/analytics/risk-distribution' + query({from, to, model_version: modelVersion, principal}), {signal}),
  ]).catch((error) => {
    clear(summaryArea, errorBox(error));
    return [null, null];
  });
  if (summary) {
    for (const version of Object.keys(summary.by_model_version).sort()) {
      versionSelect.append(h('option', {value: version, selected: version === modelVersion}, version));
    }
    if (modelVersion && !summary.by_model_version[modelVersion]) {
      versionSelect.append(h('option', {value: modelVersion, selected: true}, modelVersion));
    }
    const levelFilter = {...listFilter, model_version: modelVersion};
    clear(summaryArea,
      h('div', {class: 'tiles'},
        h('div', {class: 'tile'}, h('div', {class: 'label'}, 'Predictions in range'),
          h('div', {class: 'value'}, h('a', {href: link('predictions', listFilter), 'data-testid': 'total'}, number(summary.total)))),
        h('div', {class: 'tile'}, h('div', {class: 'label'}, 'Average attrition probability'),
          h('div', {class: 'value', 'data-testid': 'average'}, probability(summary.average_attrition_prob))),
        LEVELS.map((level) => h('div', {class: 'tile ' + level.toLowerCase()},
          h('div', {class: 'label'}, level + (modelVersion ? ` · ${modelVersion}` : '')),
          h('div', {class: 'value'}, h('a', {href: link('predictions', {...levelFilter, risk_level: level}), 'data-testid': 'level-' + level},
            number(distribution[level])))))),
      Object.keys(summary.by_model_version).length === 0 ? empty('No predictions in this range.')
        : table([h('th', {}, 'Model version'), h('th', {class: 'num'}, 'Predictions'), h('th', {}, '')],
          Object.entries(summary.by_model_version).sort((a, b) => b[1] - a[1]).map(([version, count]) => h('tr', {},
            h('td', {}, version),
            h('td', {class: 'num'}, h('a', {href: link('predictions', {...listFilter, model_version: version})}, number(count))),
            h('td', {}, h('a', {href: link('overview', {...Object.fromEntries(params), model_version: version})}, 'Chart this version')))),
          {id: 'by-model-version'}));
  }

  try {
    const counts = await inParallel(buckets.map((bucket) => () =>
      api('/analytics/risk-distribution' + query({from: bucket.from, to: bucket.to, model_version: modelVersion, principal}), {signal})));
    const rows = buckets.map((bucket, index) => ({...bucket, ...counts[index]}));
    drawChart(chartArea, rows, {model_version: modelVersion, principal}, chosen.bucket);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    clear(chartArea, errorBox(error));
  }
  await highRisk;
}

function drawChart(area, rows, filter, bucket) {
  const chart = h('div', {class: 'chart', id: 'risk-chart', 'data-testid': 'risk-chart'});
  const total = rows.reduce((sum, row) => sum + row.LOW + row.MEDIUM + row.HIGH, 0);
  clear(area,
    h('p', {class: 'muted'}, `${number(total)} predictions per ${bucket}, stacked by risk level`,
      filter.model_version ? `, model version ${filter.model_version}` : ', all model versions',
      filter.principal ? `, requested by ${filter.principal}` : '', '. Times are UTC.'),
    chart,
    h('details', {},
      h('summary', {}, 'The numbers behind the chart'),
      table([h('th', {}, 'From (UTC)'), ...LEVELS.map((level) => h('th', {class: 'num'}, level))],
        rows.map((row) => h('tr', {},
          h('td', {}, timeElement(row.from)),
          LEVELS.map((level) => h('td', {class: 'num'}, row[level] === 0 ? '0'
            : h('a', {href: link('predictions', {...filter, from: row.from, to: row.to, risk_level: level})}, number(row[level])))))),
        {id: 'risk-table'})));
  if (total === 0) chart.before(empty('No predictions in this range.'));
  stackedRiskChart(chart, rows);
}

async function loadHighRisk(area, days, principal, signal) {
  const from = new Date(Date.now() - days * 24 * HOUR).toISOString();
  const body = h('tbody');
  const more = h('button', {type: 'button', class: 'secondary', id: 'high-risk-more', hidden: true}, 'Load more');
  let cursor = null;
  async function load() {
    more.disabled = true;
    const page = await api('/analytics/high-risk' + query({days, principal, limit: 10, cursor}), {signal});
    for (const p of page.items) {
      body.append(h('tr', {},
        h('td', {}, timeElement(p.created_at)),
        h('td', {}, p.employee_id ?? '—'),
        h('td', {class: 'num'}, probability(p.attrition_prob)),
        h('td', {}, p.model_version),
        h('td', {}, h('a', {href: link('predictions/' + p.prediction_id)}, 'Prediction'), ' · ',
          h('a', {href: link('requests/' + p.request_id, {prediction: p.prediction_id})}, 'Request'))));
    }
    cursor = page.next_cursor;
    more.hidden = !cursor;
    more.disabled = false;
    return page.items.length;
  }
  try {
    const count = await load();
    more.addEventListener('click', () => load().catch((error) => more.after(errorBox(error))));
    clear(area,
      count === 0 ? empty(`No high-risk predictions in the last ${days} days.`)
        : h('div', {class: 'table-wrap'}, h('table', {id: 'high-risk-table'},
          h('thead', {}, h('tr', {}, ['Created (UTC)', 'Employee', 'Probability', 'Model version', ''].map((t) => h('th', {}, t)))), body)),
      h('div', {class: 'actions'}, more,
        h('a', {href: link('predictions', {risk_level: 'HIGH', from, principal}), class: 'button secondary'}, 'All of them in the list')),
      h('p', {class: 'muted'}, 'Risk levels: ', badge('LOW'), ' ', badge('MEDIUM'), ' ', badge('HIGH')));
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    clear(area, errorBox(error));
  }
}
