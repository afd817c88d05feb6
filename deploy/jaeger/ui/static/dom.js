// Small DOM and HTTP helpers shared by the search and trace pages.
import { formatDuration, serviceColour } from './trace.js';

export const TITLE = 'Parla traces (Jaeger)';
const LAST_SEARCH_KEY = 'parla.traces.lastSearch';

// Builds elements from plain values. Strings become text nodes, never markup,
// so nothing from the API can inject HTML.
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

// Jaeger may serve the UI under a base path; the <base> tag carries it.
export const basePath = () => new URL(document.baseURI).pathname;
export const appHref = (path) => basePath() + path;
export const apiUrl = (path) => new URL(path, document.baseURI);
export const traceHref = (id) => appHref(`trace/${encodeURIComponent(id)}`);
const timeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});
export const formatTime = (micros) => timeFormat.format(new Date(micros / 1000));
export const timeEl = (micros) => h('time', { datetime: new Date(micros / 1000).toISOString() }, formatTime(micros));
export const swatch = (name) => {
  const el = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  el.style.backgroundColor = serviceColour(name);
  return el;
};
export const offsetText = (micros) => `+${formatDuration(micros)}`;

export function announce(text) {
  const el = document.getElementById('status');
  // Clearing first makes screen readers repeat a message identical to the last one.
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 30);
}

export function readLastSearch() {
  try { return sessionStorage.getItem(LAST_SEARCH_KEY) ?? ''; } catch { return ''; }
}
export function saveLastSearch(query) {
  try { sessionStorage.setItem(LAST_SEARCH_KEY, query); } catch { /* storage off: the link falls back to a blank search */ }
}

export async function getJSON(path, signal) {
  let res;
  try {
    res = await fetch(apiUrl(path), { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw Object.assign(new Error(`Could not reach Jaeger's query API (${e.message}).`), { status: 0 });
  }
  let body = null;
  try { body = await res.json(); } catch { /* a proxy's HTML error page, say */ }
  if (!res.ok) {
    const msg = body?.errors?.[0]?.msg ?? `Jaeger answered HTTP ${res.status} ${res.statusText}`.trim();
    throw Object.assign(new Error(msg), { status: res.status });
  }
  if (body === null) throw Object.assign(new Error('Jaeger answered with something that is not JSON.'), { status: res.status });
  return body;
}

export const isAbort = (e) => e?.name === 'AbortError';

export function errorBlock(message, retry) {
  return h('div', { class: 'notice error-notice', role: 'alert' },
    h('p', {}, message),
    retry && h('button', { type: 'button', onclick: retry }, 'Retry'));
}
