// Pure helpers for the trace viewer: no DOM, no fetch, so that everything that
// decides what the page shows can be unit-tested with `node --test`.

// The lookback choices the search form offers. `phrase` is what the empty
// state says ("No traces in the last hour …"), so the wording lives next to
// the value it describes.
export const LOOKBACKS = [
  { value: '15m', label: '15 minutes', phrase: 'the last 15 minutes', ms: 15 * 60e3 },
  { value: '1h', label: '1 hour', phrase: 'the last hour', ms: 60 * 60e3 },
  { value: '6h', label: '6 hours', phrase: 'the last 6 hours', ms: 6 * 60 * 60e3 },
  { value: '24h', label: '24 hours', phrase: 'the last 24 hours', ms: 24 * 60 * 60e3 },
];
export const DEFAULT_LOOKBACK = '1h';
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;
export const ALL_OPERATIONS = 'all';

// Fixed palette: every colour has at least 4.5:1 contrast against white (3:1
// is the WCAG minimum for graphics) and none is the red reserved for errors.
export const PALETTE = [
  '#1f6fb4', '#2a7f3f', '#8a4fbf', '#a85400',
  '#00838f', '#6b6b00', '#ad1457', '#5d4037',
  '#3949ab', '#4e6a85',
];

/**
 * Parses the tags box: `key=value` pairs separated by whitespace, where a value
 * may be double-quoted to hold spaces (`msg="a b"`, with \" and \\ escapes).
 * Throws an Error naming the offending part, because a silently ignored
 * filter would make a search look empty for the wrong reason.
 */
export function parseTags(text) {
  // A Map, then fromEntries: a key such as "__proto__" stays a plain key.
  const tags = new Map();
  const src = String(text ?? '');
  let i = 0;
  while (i < src.length) {
    if (/\s/.test(src[i])) { i += 1; continue; }
    const start = i;
    while (i < src.length && src[i] !== '=' && !/\s/.test(src[i])) i += 1;
    const key = src.slice(start, i);
    if (i >= src.length || src[i] !== '=') {
      throw new Error(`Tag "${key}" must be written as key=value`);
    }
    i += 1; // the '='
    let value = '';
    if (src[i] === '"') {
      i += 1;
      let closed = false;
      while (i < src.length) {
        const c = src[i];
        if (c === '\\' && i + 1 < src.length) { value += src[i + 1]; i += 2; continue; }
        if (c === '"') { closed = true; i += 1; break; }
        value += c; i += 1;
      }
      const part = src.slice(start, i);
      if (!closed) throw new Error(`Tag ${part} has no closing double quote`);
      if (i < src.length && !/\s/.test(src[i])) {
        throw new Error(`Tag ${part} must be followed by a space before the next tag`);
      }
    } else {
      const vStart = i;
      while (i < src.length && !/\s/.test(src[i])) i += 1;
      value = src.slice(vStart, i);
      if (value === '') throw new Error(`Tag "${key}=" has no value (write ${key}="" to match an empty value)`);
      if (value.includes('"')) throw new Error(`Tag "${key}=${value}" has a stray double quote`);
    }
    if (key === '') throw new Error(`Tag "${src.slice(start, i)}" has no key before the "="`);
    if (tags.has(key)) throw new Error(`Tag "${key}" is given more than once`);
    tags.set(key, value);
  }
  return Object.fromEntries(tags);
}

/** True for spans OpenTelemetry or Jaeger marks as failed. */
export function isError(span) {
  for (const tag of span?.tags ?? []) {
    if (tag.key === 'error' && (tag.value === true || tag.value === 'true')) return true;
    if (tag.key === 'otel.status_code' && String(tag.value).toUpperCase() === 'ERROR') return true;
  }
  return false;
}

/** The value of the first tag with this key, or undefined. */
export function tagValue(span, key) {
  return (span?.tags ?? []).find((t) => t.key === key)?.value;
}

export function serviceOf(trace, span) {
  return trace?.processes?.[span?.processID]?.serviceName ?? span?.process?.serviceName ?? 'unknown';
}

// Shows at most three significant digits: more is noise at a glance, and
// switching unit by the rounded value avoids labels such as "1000 ms".
function sig3(x) {
  return x >= 100 ? Math.round(x) : Number(x.toPrecision(3));
}

/** Human duration from microseconds: "850 µs", "12.3 ms", "1.24 s". */
export function formatDuration(micros) {
  const m = Number(micros);
  if (!Number.isFinite(m)) return '?';
  if (m < 0) return `-${formatDuration(-m)}`;
  if (Math.round(m) < 1000) return `${Math.round(m)} µs`;
  const ms = sig3(m / 1e3);
  if (ms < 1000) return `${ms} ms`;
  return `${sig3(m / 1e6)} s`;
}

/** A stable palette colour for a service, so a service keeps its colour across pages. */
export function serviceColour(name) {
  // FNV-1a: tiny, deterministic and spreads similar names apart.
  let h = 0x811c9dc5;
  for (const ch of String(name ?? '')) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return PALETTE[h % PALETTE.length];
}

// Picks the span a span hangs under. CHILD_OF wins over FOLLOWS_FROM because
// it is the causal parent; a reference to a span outside this trace (a link)
// is not a parent at all, which is what makes such a span an orphan.
function parentIndex(span, index, byId) {
  const refs = Array.isArray(span.references) ? span.references : [];
  const ordered = [...refs.filter((r) => r?.refType === 'CHILD_OF'), ...refs.filter((r) => r?.refType !== 'CHILD_OF')];
  for (const ref of ordered) {
    if (ref?.traceID && span.traceID && ref.traceID !== span.traceID) continue;
    const p = byId.get(ref?.spanID);
    if (p !== undefined && p !== index) return p;
  }
  return -1;
}

/**
 * The waterfall rows: depth-first, children by start time. Spans whose parent
 * is missing become roots (flagged `parentMissing`). Every span appears exactly
 * once even when references form a cycle or span ids repeat, because real
 * instrumentation bugs produce both and the page must not hang on them.
 */
export function spanRows(trace) {
  const spans = Array.isArray(trace?.spans) ? trace.spans.filter(Boolean) : [];
  if (spans.length === 0) return [];
  const traceStart = spans.reduce((m, s) => Math.min(m, Number(s.startTime) || 0), Infinity);
  const byId = new Map();
  spans.forEach((s, i) => { if (!byId.has(s.spanID)) byId.set(s.spanID, i); });

  const byStart = (a, b) => (Number(spans[a].startTime) || 0) - (Number(spans[b].startTime) || 0);
  const children = spans.map(() => []);
  const parents = spans.map((s, i) => parentIndex(s, i, byId));
  const hasRefs = spans.map((s) => Array.isArray(s.references) && s.references.length > 0);
  parents.forEach((p, i) => { if (p >= 0) children[p].push(i); });
  children.forEach((list) => list.sort(byStart));

  const rows = [];
  const visited = new Set();
  const walk = (rootIndex, parentMissing) => {
    // An explicit stack instead of recursion: a very deep trace must not
    // overflow the call stack. Marking on push keeps each span single.
    visited.add(rootIndex);
    const stack = [{ i: rootIndex, depth: 0 }];
    while (stack.length > 0) {
      const { i, depth } = stack.pop();
      const span = spans[i];
      const kids = children[i].filter((k) => !visited.has(k));
      kids.forEach((k) => visited.add(k));
      rows.push({
        span,
        depth,
        service: serviceOf(trace, span),
        offset: (Number(span.startTime) || 0) - traceStart,
        duration: Math.max(0, Number(span.duration) || 0),
        isError: isError(span),
        hasChildren: kids.length > 0,
        parentMissing: depth === 0 && parentMissing,
      });
      for (let k = kids.length - 1; k >= 0; k -= 1) stack.push({ i: kids[k], depth: depth + 1 });
    }
  };
  const order = spans.map((_, i) => i).sort(byStart);
  for (const i of order) if (parents[i] < 0 && !visited.has(i)) walk(i, hasRefs[i]);
  // Whatever is left sits in a reference cycle: break it at its earliest span.
  for (const i of order) if (!visited.has(i)) walk(i, true);
  return rows;
}

/** The header and search-result facts for one trace. `root` is null for an empty trace. */
export function summarise(trace) {
  const rows = spanRows(trace);
  if (rows.length === 0) {
    return { root: null, start: 0, duration: 0, spanCount: 0, depth: 0, services: [], errors: 0 };
  }
  // Loops rather than Math.min(...spread): a huge trace would exceed the argument limit.
  const start = rows.reduce((m, r) => Math.min(m, Number(r.span.startTime) || 0), Infinity);
  const end = rows.reduce((m, r) => Math.max(m, (Number(r.span.startTime) || 0) + r.duration), -Infinity);
  // Prefer a real root over an orphan: the orphan's true parent was lost, the
  // real root is what the user actually did.
  const roots = rows.filter((r) => r.depth === 0);
  const rootRow = roots.find((r) => !r.parentMissing) ?? roots[0];
  const counts = new Map();
  for (const r of rows) counts.set(r.service, (counts.get(r.service) ?? 0) + 1);
  const services = [...counts].map(([name, spans]) => ({ name, spans }))
    .sort((a, b) => b.spans - a.spans || a.name.localeCompare(b.name));
  return {
    root: { service: rootRow.service, operation: rootRow.span.operationName ?? '' },
    start,
    duration: end - start,
    spanCount: rows.length,
    depth: rows.reduce((m, r) => Math.max(m, r.depth), 0) + 1,
    services,
    errors: rows.filter((r) => r.isError).length,
  };
}

/**
 * Where a span's bar sits, in percent of the trace. A zero-length trace puts
 * every bar at 0 so nothing divides by zero; the label flips to the left of
 * bars that end near the right edge so it stays inside the track.
 */
export function barGeometry(offset, duration, total) {
  const clamp = (x) => Math.min(100, Math.max(0, x));
  if (!(total > 0)) return { left: 0, width: 0, labelSide: 'right' };
  const left = clamp((offset / total) * 100);
  const width = clamp(Math.min((duration / total) * 100, 100 - left));
  // Beside the bar where there is room; inside its end when it spans the track (a root span).
  const labelSide = left + width <= 70 ? 'right' : left >= 20 ? 'left' : 'inside';
  return { left, width, labelSide };
}

/** The service a search should start with: the first one that is not Jaeger tracing itself. */
export function defaultService(services) {
  const list = Array.isArray(services) ? services : [];
  return list.find((s) => s !== 'jaeger' && !s.startsWith('jaeger-')) ?? list[0] ?? '';
}

/** Search form state (plain object) → URL query for /search. Defaults are omitted to keep links short. */
export function searchParams(form) {
  const p = new URLSearchParams();
  if (form.service) p.set('service', form.service);
  if (form.operation && form.operation !== ALL_OPERATIONS) p.set('operation', form.operation);
  if (String(form.tags ?? '').trim()) p.set('tags', String(form.tags).trim());
  p.set('lookback', LOOKBACKS.some((l) => l.value === form.lookback) ? form.lookback : DEFAULT_LOOKBACK);
  p.set('limit', String(clampLimit(form.limit)));
  return p;
}

/** URL query (URLSearchParams or string) → search form state, repairing anything hand-edited into nonsense. */
export function formFromParams(params) {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(params ?? '');
  const lookback = p.get('lookback');
  return {
    service: p.get('service') ?? '',
    operation: p.get('operation') || ALL_OPERATIONS,
    tags: p.get('tags') ?? '',
    lookback: LOOKBACKS.some((l) => l.value === lookback) ? lookback : DEFAULT_LOOKBACK,
    limit: clampLimit(p.get('limit')),
  };
}

function clampLimit(value) {
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, n));
}

/**
 * Search form state → query for Jaeger's /api/traces. Jaeger wants an
 * explicit start/end window in microseconds; `nowMs` is passed in so tests
 * are deterministic. Throws (from parseTags) on malformed tags.
 */
export function apiSearchParams(form, nowMs) {
  const p = new URLSearchParams();
  p.set('service', form.service);
  if (form.operation && form.operation !== ALL_OPERATIONS) p.set('operation', form.operation);
  const tags = parseTags(form.tags);
  if (Object.keys(tags).length > 0) p.set('tags', JSON.stringify(tags));
  const lookback = LOOKBACKS.find((l) => l.value === form.lookback) ?? LOOKBACKS.find((l) => l.value === DEFAULT_LOOKBACK);
  p.set('lookback', lookback.value);
  p.set('start', String((nowMs - lookback.ms) * 1000));
  p.set('end', String(nowMs * 1000));
  p.set('limit', String(clampLimit(form.limit)));
  return p;
}
