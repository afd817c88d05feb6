// Routing, wiring and the search page. Everything that decides *what* to show
// lives in trace.js (pure, tested); this file and trace-page.js only turn it
// into elements. Importing this module does nothing but wait for the DOM, so it
// can be checked with `node --check` and loaded before the body is parsed.
import {
  LOOKBACKS, ALL_OPERATIONS, MAX_LIMIT, parseTags, summarise, formatDuration,
  searchParams, formFromParams, apiSearchParams, defaultService,
} from './trace.js';
import {
  TITLE, h, basePath, appHref, traceHref, timeEl, swatch, announce, saveLastSearch, getJSON, isAbort, errorBlock,
} from './dom.js';
import { renderTrace } from './trace-page.js';

// Each render gets a token and an AbortController, so an answer that arrives
// after the user has moved on is dropped instead of overwriting the new page.
let current = { token: 0, controller: new AbortController() };

function route() {
  const base = basePath();
  let p = location.pathname;
  if (`${p}/` === base) p = base;
  p = p.startsWith(base) ? p.slice(base.length) : p.replace(/^\//, '');
  const m = /^trace\/([^/]+)\/?$/.exec(p);
  if (m) {
    try { return { name: 'trace', id: decodeURIComponent(m[1]) }; } catch { return { name: 'trace', id: m[1] }; }
  }
  if (['', 'search', 'search/', 'index.html'].includes(p)) return { name: 'search' };
  return { name: 'missing' };
}

function render({ focus = false } = {}) {
  current.controller.abort();
  current = { token: current.token + 1, controller: new AbortController() };
  const { token } = current;
  const ctx = { signal: current.controller.signal, stale: () => token !== current.token };
  const view = document.getElementById('view');
  // Re-focus the same control after a re-render, so submitting the form does not drop focus to <body>.
  const focusedId = document.activeElement?.id;
  const r = route();
  if (r.name === 'trace') renderTrace(ctx, view, r.id, () => render({ focus: true }));
  else if (r.name === 'search') renderSearch(ctx, view);
  else {
    document.title = `Page not found — ${TITLE}`;
    view.replaceChildren(h('h1', { tabindex: '-1' }, 'Page not found'),
      h('p', {}, h('a', { href: appHref('search'), 'data-route': true }, 'Search traces')));
  }
  const again = focusedId && document.getElementById(focusedId);
  if (again && view.contains(again)) again.focus();
  else if (focus) view.querySelector('h1')?.focus();
}

function navigate(href, { focus = true } = {}) {
  const same = href === location.pathname + location.search;
  history[same ? 'replaceState' : 'pushState'](null, '', href);
  render({ focus });
}

// ---- Search page ------------------------------------------------------------

function field(id, label, ...controls) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), ...controls);
}

function renderSearch(ctx, view) {
  document.title = TITLE;
  const form = formFromParams(location.search);
  saveLastSearch(location.search);
  const service = h('select', { id: 'f-service', name: 'service' }, h('option', { value: form.service }, form.service || 'Loading services…'));
  const operation = h('select', { id: 'f-operation', name: 'operation' }, h('option', { value: form.operation }, form.operation));
  const tags = h('input', {
    id: 'f-tags', name: 'tags', type: 'text', value: form.tags, spellcheck: 'false', autocomplete: 'off',
    placeholder: 'http.route=/api/v1/runs', 'aria-describedby': 'f-tags-hint f-tags-error',
  });
  const tagsError = h('p', { id: 'f-tags-error', class: 'field-error' });
  const lookback = h('select', { id: 'f-lookback', name: 'lookback' },
    LOOKBACKS.map((l) => h('option', { value: l.value, selected: l.value === form.lookback }, l.label)));
  const limit = h('input', { id: 'f-limit', name: 'limit', type: 'number', min: 1, max: MAX_LIMIT, value: form.limit, required: true });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-h' });

  const onSubmit = (e) => {
    e.preventDefault();
    const values = { service: service.value, operation: operation.value, tags: tags.value, lookback: lookback.value, limit: limit.value };
    try {
      parseTags(values.tags);
    } catch (err) {
      tags.setAttribute('aria-invalid', 'true');
      tagsError.textContent = err.message;
      tags.focus();
      return;
    }
    navigate(appHref(`search?${searchParams(values)}`), { focus: false });
  };
  view.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Search traces'),
    h('form', { class: 'search-form', onsubmit: onSubmit },
      field('f-service', 'Service', service),
      field('f-operation', 'Operation', operation),
      field('f-tags', 'Tags', tags, h('p', { id: 'f-tags-hint', class: 'hint' },
        'key=value pairs separated by spaces; quote values with spaces: msg="a b"'), tagsError),
      field('f-lookback', 'Lookback', lookback),
      field('f-limit', 'Limit', limit),
      h('div', { class: 'field actions' }, h('button', { id: 'f-submit', type: 'submit' }, 'Find traces'))),
    results);
  loadServices(ctx, form, service, operation, results);
}

async function loadServices(ctx, form, service, operation, results) {
  announce('Loading services…');
  let names;
  try {
    names = ((await getJSON('api/services', ctx.signal)).data ?? []).slice().sort();
  } catch (e) {
    if (!isAbort(e) && !ctx.stale()) results.replaceChildren(errorBlock(e.message, () => render({ focus: true })));
    return;
  }
  if (ctx.stale()) return;
  if (names.length === 0) {
    results.replaceChildren(h('div', { class: 'notice' }, h('p', {}, 'Jaeger has no services yet: nothing has sent it a span since it started. Make a request to Parla, then retry.'),
      h('button', { type: 'button', onclick: () => render({ focus: true }) }, 'Retry')));
    announce('No services yet');
    return;
  }
  // Keep a linked service even if Jaeger no longer knows it, so the link still means what it said.
  if (form.service && !names.includes(form.service)) names.push(form.service);
  const chosen = form.service || defaultService(names);
  service.replaceChildren(...names.map((n) => h('option', { value: n, selected: n === chosen }, n)));
  service.addEventListener('change', () => loadOperations(ctx, service.value, operation, ALL_OPERATIONS));
  loadOperations(ctx, chosen, operation, form.operation);
  if (form.service) runSearch(ctx, form, results);
  else {
    results.replaceChildren(h('p', { class: 'muted' }, 'Choose a service and press Find traces.'));
    announce('Choose a service and press Find traces');
  }
}

async function loadOperations(ctx, serviceName, select, keep) {
  const ask = (select.dataset.ask = String(Number(select.dataset.ask ?? 0) + 1));
  let ops = [];
  try {
    ops = ((await getJSON(`api/services/${encodeURIComponent(serviceName)}/operations`, ctx.signal)).data ?? []).slice().sort();
  } catch (e) {
    if (isAbort(e)) return; // an empty list still allows "all", the useful default
  }
  if (ctx.stale() || select.dataset.ask !== ask) return; // the service changed again meanwhile
  if (keep !== ALL_OPERATIONS && !ops.includes(keep)) ops.unshift(keep);
  select.replaceChildren(h('option', { value: ALL_OPERATIONS }, 'all'),
    ...ops.map((op) => h('option', { value: op, selected: op === keep }, op)));
}

async function runSearch(ctx, form, results) {
  const again = () => runSearch(ctx, form, results);
  let query;
  try {
    query = apiSearchParams(form, Date.now());
  } catch (e) { // malformed tags in a hand-edited link: retrying would not help
    results.replaceChildren(h('h2', { id: 'results-h' }, 'Cannot search'), errorBlock(e.message));
    return;
  }
  announce('Searching…');
  results.replaceChildren(h('p', { class: 'muted' }, 'Searching…'));
  let body;
  try {
    body = await getJSON(`api/traces?${query}`, ctx.signal);
  } catch (e) {
    if (isAbort(e) || ctx.stale()) return;
    results.replaceChildren(h('h2', { id: 'results-h' }, 'Search failed'), errorBlock(e.message, again));
    announce('Search failed');
    return;
  }
  if (ctx.stale()) return;
  const found = (body.data ?? []).map((trace) => ({ trace, s: summarise(trace) }))
    .sort((a, b) => b.s.start - a.s.start);
  const phrase = LOOKBACKS.find((l) => l.value === form.lookback).phrase;
  const filters = [form.operation !== ALL_OPERATIONS && `operation “${form.operation}”`, form.tags && `tags ${form.tags}`]
    .filter(Boolean).join(' and ');
  const scope = `${phrase} for ${form.service}${filters ? ` with ${filters}` : ''}`;
  announce(`${found.length} ${found.length === 1 ? 'trace' : 'traces'} found`);
  if (found.length === 0) {
    results.replaceChildren(h('h2', { id: 'results-h' }, 'No traces'), h('div', { class: 'notice' },
      h('p', {}, `No traces in ${scope} — make a request and search again`), h('button', { type: 'button', onclick: again }, 'Search again')));
    return;
  }
  const rows = found.map(({ trace, s }) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: traceHref(trace.traceID), 'data-route': true },
      s.root ? `${s.root.service}: ${s.root.operation}` : '(empty trace)'),
      s.errors > 0 && h('span', { class: 'badge-error' }, s.errors === 1 ? 'error' : `${s.errors} errors`),
      h('code', { class: 'trace-id' }, trace.traceID)),
    h('td', {}, timeEl(s.start)),
    h('td', { class: 'num' }, formatDuration(s.duration)),
    h('td', { class: 'num' }, s.spanCount),
    h('td', {}, h('ul', { class: 'services' }, s.services.map((x) => h('li', {}, swatch(x.name), `${x.name} (${x.spans})`))))));
  results.replaceChildren(
    h('h2', { id: 'results-h' }, `${found.length} ${found.length === 1 ? 'trace' : 'traces'} in ${scope}`),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'results-h' },
      h('table', { class: 'results-table' },
        h('caption', { class: 'visually-hidden' }, 'Traces, newest first'),
        h('thead', {}, h('tr', {}, ['Trace', 'Started', 'Duration', 'Spans', 'Services'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows))));
}

// ---- Wiring -----------------------------------------------------------------

function start() {
  // Follow in-app links without a reload; modified clicks (new tab, etc.) stay with the browser.
  document.addEventListener('click', (e) => {
    const a = e.target.closest?.('a[data-route]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (a.origin !== location.origin) return;
    e.preventDefault();
    navigate(a.pathname + a.search);
  });
  window.addEventListener('popstate', () => render({ focus: true }));
  document.getElementById('goto-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = document.getElementById('goto-id');
    const id = input.value.trim();
    if (!id) { input.focus(); return; }
    input.value = '';
    navigate(traceHref(id));
  });
  render();
}

// Guarded so Node can import this module (tests, syntax checks) without a DOM.
if (typeof document !== 'undefined') document.addEventListener('DOMContentLoaded', start);
