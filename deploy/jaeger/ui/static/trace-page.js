// The trace page: header facts and the span waterfall with expandable details.
import { spanRows, summarise, formatDuration, serviceColour, barGeometry, tagValue } from './trace.js';
import {
  TITLE, h, appHref, apiUrl, timeEl, swatch, offsetText, announce, readLastSearch, getJSON, isAbort, errorBlock,
} from './dom.js';

export async function renderTrace(ctx, view, id, rerender) {
  document.title = `Trace ${id} — ${TITLE}`;
  const back = h('a', { href: appHref(`search${readLastSearch()}`), 'data-route': true }, '← Back to search');
  const nav = h('p', { class: 'back' }, back);
  view.replaceChildren(nav, h('h1', { tabindex: '-1' }, 'Loading trace…'));
  announce('Loading trace…');
  let trace;
  try {
    trace = (await getJSON(`api/traces/${encodeURIComponent(id)}`, ctx.signal)).data?.[0];
  } catch (e) {
    if (isAbort(e) || ctx.stale()) return;
    // 404: gone (or never here); 400: not a trace id at all, so retrying cannot help.
    const heading = { 404: 'Trace not found', 400: 'Not a trace id' }[e.status] ?? 'Could not load the trace';
    show(view, nav, h('h1', { tabindex: '-1' }, heading), e.status === 404 ? notFound(id)
      : e.status === 400 ? errorBlock(`Jaeger cannot read “${id}” as a trace id: ${e.message}`) : errorBlock(e.message, rerender));
    announce(heading);
    return;
  }
  if (ctx.stale()) return;
  if (!trace) {
    show(view, nav, h('h1', { tabindex: '-1' }, 'Trace not found'), notFound(id));
    return;
  }
  const s = summarise(trace);
  const title = s.root ? `${s.root.service}: ${s.root.operation}` : '(empty trace)';
  document.title = `${title} — ${TITLE}`;
  show(view, nav, h('h1', { tabindex: '-1' }, title),
    h('dl', { class: 'facts' },
      fact('Trace id', h('code', {}, trace.traceID)),
      fact('Started', s.spanCount ? timeEl(s.start) : '–'),
      fact('Duration', formatDuration(s.duration)),
      fact('Services', `${s.services.length}: `, h('ul', { class: 'services inline' },
        s.services.map((x) => h('li', {}, swatch(x.name), `${x.name} (${x.spans})`)))),
      fact('Spans', `${s.spanCount}`),
      fact('Depth', `${s.depth}`),
      s.errors > 0 && fact('Errors', h('span', { class: 'badge-error' }, `${s.errors}`))),
    h('p', { class: 'muted' }, h('a', { href: apiUrl(`api/traces/${encodeURIComponent(trace.traceID)}`).href }, 'Raw JSON from Jaeger')),
    waterfall(trace, s));
  announce(`Trace loaded: ${s.spanCount} spans`);
}

// Swaps the page content. If the placeholder heading had focus (we just
// navigated here), the real heading takes it over instead of focus falling to <body>.
function show(view, ...nodes) {
  const hadFocus = document.activeElement?.tagName === 'H1' && view.contains(document.activeElement);
  view.replaceChildren(...nodes);
  if (hadFocus) view.querySelector('h1')?.focus();
}

// A <div> around each dt/dd pair (valid HTML) lets the facts wrap as a compact strip.
const fact = (k, ...v) => h('div', {}, h('dt', {}, k), h('dd', {}, ...v));

function notFound(id) {
  return h('div', { class: 'notice' }, h('p', {}, `No trace with id ${id} (traces are kept in memory: a restart of Jaeger forgets them)`));
}

function waterfall(trace, s) {
  const rows = spanRows(trace);
  const total = s.duration;
  const rowById = new Map();
  const ruler = h('div', { class: 'wf-track wf-ruler' }, [0, 25, 50, 75, 100].map((p) => {
    const tick = h('span', { class: `tick tick-${p}` }, formatDuration((total * p) / 100));
    tick.style.left = `${p}%`;
    return tick;
  }));
  const items = rows.map((row, i) => {
    const { left, width, labelSide } = barGeometry(row.offset, row.duration, total);
    const bar = h('span', { class: row.isError ? 'wf-bar is-error' : 'wf-bar' });
    Object.assign(bar.style, { left: `${left}%`, width: `${width}%` });
    if (!row.isError) bar.style.backgroundColor = serviceColour(row.service);
    const label = h('span', { class: `wf-label label-${labelSide}` }, formatDuration(row.duration), row.isError && h('strong', { class: 'err-text' }, ' error'));
    // Beside the bar, on whichever side has room.
    if (labelSide === 'right') label.style.left = `${left + width}%`;
    else if (labelSide === 'left') label.style.right = `${100 - left}%`;
    else label.style.right = `${100 - left - width}%`;
    const name = h('span', { class: 'wf-name' },
      h('span', { class: 'chevron', 'aria-hidden': 'true' }, '▸'), swatch(row.service),
      h('span', { class: 'wf-service' }, `${row.service}:`), ' ', h('span', { class: 'wf-op' }, row.span.operationName),
      h('span', { class: 'visually-hidden' }, `, level ${row.depth + 1}, starts at ${offsetText(row.offset)}${row.parentMissing ? ', parent not in this trace' : ''}, lasts`));
    name.style.setProperty('--depth', Math.min(row.depth, 24));
    const details = h('div', { id: `span-details-${i}`, class: 'wf-details', hidden: true });
    const el = h('div', { class: 'wf-row', role: 'button', tabindex: '0', 'aria-expanded': 'false', 'aria-controls': details.id },
      name, h('span', { class: 'wf-track' }, bar, label));
    const toggle = () => {
      const open = el.getAttribute('aria-expanded') !== 'true';
      if (open && !details.firstChild) details.append(...spanDetails(trace, row, rows, rowById));
      el.setAttribute('aria-expanded', String(open));
      details.hidden = !open;
    };
    el.addEventListener('click', toggle);
    el.addEventListener('keydown', (e) => {
      if (e.target !== el || !['Enter', ' '].includes(e.key)) return;
      e.preventDefault(); // Space would otherwise scroll the page
      toggle();
    });
    if (!rowById.has(row.span.spanID)) rowById.set(row.span.spanID, el);
    return h('li', {}, el, details);
  });
  return h('section', { class: 'waterfall-section', 'aria-labelledby': 'wf-h' },
    h('h2', { id: 'wf-h' }, 'Spans'),
    h('p', { class: 'hint' }, 'Select a span (click, Enter or Space) to see its tags, logs and references.'),
    h('div', { class: 'waterfall' },
      h('div', { class: 'wf-head', 'aria-hidden': 'true' }, h('span', { class: 'wf-name' }, 'Service: operation'), ruler),
      h('ol', { class: 'wf-rows' }, items)));
}

function kvTable(caption, pairs) {
  if (!pairs?.length) return h('p', { class: 'muted' }, `${caption}: none`);
  return h('table', { class: 'kv' }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Key'), h('th', { scope: 'col' }, 'Value'))),
    h('tbody', {}, pairs.map((t) => h('tr', {}, h('th', { scope: 'row' }, t.key), h('td', {}, String(t.value))))));
}

function spanDetails(trace, row, rows, rowById) {
  const { span } = row;
  const start = Number(span.startTime) || 0;
  const traceStart = start - row.offset;
  const refs = (span.references ?? []).map((ref) => {
    const target = rowById.get(ref.spanID) ?? null;
    const other = rows.find((r) => r.span.spanID === ref.spanID);
    return h('li', {}, `${ref.refType} `, h('code', {}, ref.spanID),
      other ? ` — ${other.service}: ${other.span.operationName} ` : ' — not in this trace',
      target && h('button', { type: 'button', class: 'link-button', onclick: () => target.focus() }, 'Go to span'));
  });
  const logs = (span.logs ?? []).map((log) => h('li', {},
    h('p', {}, `${offsetText(log.timestamp - traceStart)} from trace start (${formatDuration(log.timestamp - start)} into the span)`),
    kvTable('Fields', log.fields)));
  return [
    h('dl', { class: 'facts' },
      fact('Span kind', tagValue(span, 'span.kind') ?? 'unspecified'),
      fact('Service', swatch(row.service), row.service),
      fact('Starts', `${offsetText(row.offset)} from trace start`),
      fact('Duration', formatDuration(row.duration)),
      fact('Span id', h('code', {}, span.spanID)),
      row.isError && fact('Status', h('span', { class: 'badge-error' }, 'error'))),
    kvTable('Tags', span.tags),
    kvTable(`Process (${row.service})`, trace.processes?.[span.processID]?.tags),
    h('h3', {}, 'Logs and events'),
    logs.length ? h('ol', { class: 'logs' }, logs) : h('p', { class: 'muted' }, 'None'),
    h('h3', {}, 'References'),
    refs.length ? h('ul', { class: 'refs' }, refs) : h('p', { class: 'muted' }, 'None: this is a root span'),
    span.warnings?.length > 0 && h('h3', {}, 'Warnings from Jaeger'),
    span.warnings?.length > 0 && h('ul', { class: 'warnings' }, span.warnings.map((w) => h('li', {}, w))),
  ].filter(Boolean); // append() would print a skipped part as "false"
}
