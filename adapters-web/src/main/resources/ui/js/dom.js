// Small DOM and formatting helpers: elements are built with h(), never from HTML strings, so API text cannot inject markup.

/** h('a', {href: '#/x', class: 'y'}, 'text', child…): attributes starting with "on" become listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export function loading(text = 'Loading…') {
  return h('p', {class: 'loading', role: 'status'}, text);
}

export function errorBox(error) {
  return h('div', {class: 'error', role: 'alert', 'data-testid': 'error'}, messageOf(error));
}

export function messageOf(error) {
  return error?.detail ?? error?.message ?? String(error);
}

export function empty(text) {
  return h('p', {class: 'empty', 'data-testid': 'empty'}, text);
}

/** A table inside a horizontally scrolling wrapper (phones). */
export function table(head, rows, attributes = {}) {
  return h('div', {class: 'table-wrap'},
    h('table', attributes, h('thead', {}, h('tr', {}, head)), h('tbody', {}, rows)));
}

export function field(labelText, control, extraClass = '') {
  if (!control.id) control.id = 'f-' + Math.random().toString(36).slice(2, 9);
  return h('div', {class: 'field ' + extraClass}, h('label', {for: control.id}, labelText), control);
}

export function checkField(labelText, control) {
  if (!control.id) control.id = 'f-' + Math.random().toString(36).slice(2, 9);
  return h('div', {class: 'field check'}, control, h('label', {for: control.id}, labelText));
}

export function select(name, options, selected) {
  return h('select', {name, id: 'f-' + name},
    options.map(([value, label]) => h('option', {value, selected: String(value) === String(selected ?? '')}, label)));
}

export function badge(text) {
  return h('span', {class: 'badge ' + text}, text);
}

export function facts(pairs) {
  return h('dl', {class: 'facts'}, pairs.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')]));
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  timeZone: 'UTC', hour12: false,
});

/** Times are shown in UTC, as the API stores and filters them, so a list and its filters agree. */
export function time(iso) {
  if (!iso) return '—';
  return timeFormat.format(new Date(iso)) + ' UTC';
}

export function timeElement(iso) {
  return iso ? h('time', {datetime: iso}, time(iso)) : '—';
}

export function probability(value) {
  return value === null || value === undefined ? '—' : (value * 100).toFixed(1) + ' %';
}

export function number(value) {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat('en-GB').format(value);
}

export function metricValue(value) {
  if (value === null || value === undefined) return '—';
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6) ? value.toExponential(4) : Number(value.toPrecision(6)).toString();
}

export function duration(fromIso, toIso) {
  if (!fromIso) return '—';
  const millis = (toIso ? new Date(toIso) : new Date()) - new Date(fromIso);
  if (millis < 1000) return millis + ' ms';
  const seconds = Math.round(millis / 1000);
  if (seconds < 120) return seconds + ' s';
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return minutes + ' min';
  return (minutes / 60).toFixed(1) + ' h';
}

/** The end of a UUID: ids made in the same millisecond (UUIDv7) share their beginning, not their end. */
export function shortId(id) {
  return id ? '…' + id.slice(-8) : '—';
}

/** datetime-local value (read as UTC) ⇄ ISO instant. */
export function toInstant(localValue) {
  if (!localValue) return '';
  return new Date(localValue + (localValue.length === 16 ? ':00' : '') + 'Z').toISOString();
}

export function toLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return isNaN(date) ? '' : date.toISOString().slice(0, 16);
}
