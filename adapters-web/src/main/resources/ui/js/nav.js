// Links inside the single page: '#/path?name=value', leaving out empty values.

export function link(path, parameters = {}) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return '#/' + path + (text ? '?' + text : '');
}

export function navigate(path, parameters = {}) {
  window.location.hash = link(path, parameters);
}

/** The values of a form as an object of non-empty strings. */
export function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value === 'string' && value.trim() !== '') values[name] = value.trim();
  }
  return values;
}
