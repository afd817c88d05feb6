// Tests for the pure trace helpers. Run: node --test deploy/jaeger/ui/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  parseTags, isError, formatDuration, serviceColour, PALETTE, spanRows, summarise,
  barGeometry, defaultService, searchParams, formFromParams, apiSearchParams, tagValue,
} from './static/trace.js';

// A fresh copy per test, so no test can leak a mutation into another.
const fixture = () => JSON.parse(readFileSync(new URL('./fixture-trace.json', import.meta.url), 'utf8'));
const T0 = 1767271234567000;
const span = (spanID, parent, startTime, duration, extra = {}) => ({
  traceID: 't1', spanID, operationName: `op-${spanID}`, startTime, duration, processID: 'p1', tags: [],
  references: parent ? [{ refType: 'CHILD_OF', traceID: 't1', spanID: parent }] : [],
  ...extra,
});
const trace = (spans) => ({ traceID: 't1', spans, processes: { p1: { serviceName: 'svc', tags: [] } } });

test('parseTags reads key=value pairs, quoted values and escapes', () => {
  assert.deepEqual(parseTags('http.route=/api/v1/runs error=true msg="a b"'),
    { 'http.route': '/api/v1/runs', error: 'true', msg: 'a b' });
  assert.deepEqual(parseTags('  a=1\tb="say \\"hi\\"" c=""  '), { a: '1', b: 'say "hi"', c: '' });
  assert.deepEqual(parseTags('url=http://x/?q=a=b'), { url: 'http://x/?q=a=b' });
  assert.deepEqual(parseTags(''), {});
  assert.deepEqual(parseTags('   '), {});
  assert.deepEqual(parseTags(undefined), {});
});

test('parseTags keeps "__proto__" as an ordinary key', () => {
  const tags = parseTags('__proto__=x');
  assert.equal(Object.getPrototypeOf(tags), Object.prototype);
  assert.deepEqual(Object.keys(tags), ['__proto__']);
});

test('parseTags rejects malformed input and names the bad part', () => {
  assert.throws(() => parseTags('foo'), /"foo".*key=value/);
  assert.throws(() => parseTags('a=1 foo b=2'), /"foo"/);
  assert.throws(() => parseTags('=bar'), /"=bar" has no key/);
  assert.throws(() => parseTags('empty='), /"empty=" has no value/);
  assert.throws(() => parseTags('msg="a b'), /msg="a b has no closing double quote/);
  assert.throws(() => parseTags('msg="a"b'), /msg="a" must be followed by a space/);
  assert.throws(() => parseTags('msg=a"b'), /stray double quote/);
  assert.throws(() => parseTags('a=1 a=2'), /"a" is given more than once/);
});

test('isError recognises the error tag and the OpenTelemetry status', () => {
  assert.equal(isError({ tags: [{ key: 'error', type: 'bool', value: true }] }), true);
  assert.equal(isError({ tags: [{ key: 'error', type: 'string', value: 'true' }] }), true);
  assert.equal(isError({ tags: [{ key: 'otel.status_code', type: 'string', value: 'ERROR' }] }), true);
  assert.equal(isError({ tags: [{ key: 'otel.status_code', type: 'string', value: 'OK' }] }), false);
  assert.equal(isError({ tags: [{ key: 'error', type: 'bool', value: false }] }), false);
  assert.equal(isError({ tags: null }), false);
  assert.equal(isError({}), false);
  assert.equal(isError(undefined), false);
});

test('formatDuration picks a unit and three significant digits', () => {
  assert.equal(formatDuration(850), '850 µs');
  assert.equal(formatDuration(12345), '12.3 ms');
  assert.equal(formatDuration(1240000), '1.24 s');
  assert.equal(formatDuration(0), '0 µs');
  assert.equal(formatDuration(999.4), '999 µs');
  assert.equal(formatDuration(999.6), '1 ms');
  assert.equal(formatDuration(1500), '1.5 ms');
  assert.equal(formatDuration(250000), '250 ms');
  assert.equal(formatDuration(999999), '1 s');
  assert.equal(formatDuration(125000000), '125 s');
  assert.equal(formatDuration(-2000), '-2 ms');
  assert.equal(formatDuration(NaN), '?');
  assert.equal(formatDuration(undefined), '?');
});

test('serviceColour is stable, from the palette and spreads names', () => {
  for (const name of ['gateway', 'scenario', 'analytics', 'content', '', undefined]) {
    assert.ok(PALETTE.includes(serviceColour(name)));
    assert.equal(serviceColour(name), serviceColour(name));
  }
  const colours = new Set(['gateway', 'scenario', 'analytics', 'content', 'persona'].map(serviceColour));
  assert.ok(colours.size >= 3, 'distinct services should mostly get distinct colours');
});

test('spanRows orders the fixture depth-first with children by start time', () => {
  const rows = spanRows(fixture());
  assert.deepEqual(rows.map((r) => [r.span.spanID.slice(0, 4), r.depth, r.service]), [
    ['00f0', 0, 'gateway'],
    ['b7ad', 1, 'gateway'],
    ['5fb3', 2, 'scenario'],
    ['e457', 3, 'scenario'],
    ['a3f1', 3, 'scenario'], // the producer
    ['9e8d', 4, 'content'], // FOLLOWS_FROM consumers, earlier start first
    ['1c2d', 4, 'analytics'],
    ['7a6b', 0, 'analytics'], // orphan: its parent never reached Jaeger
  ]);
  assert.deepEqual(rows.map((r) => r.hasChildren), [true, true, true, false, true, false, false, false]);
  assert.deepEqual(rows.map((r) => r.parentMissing), [false, false, false, false, false, false, false, true]);
  assert.deepEqual(rows.map((r) => r.isError), [false, false, false, false, false, true, false, false]);
  assert.equal(rows[0].offset, 0);
  assert.equal(rows[5].offset, 61080);
  assert.equal(rows[5].duration, 8330);
});

test('spanRows on empty or missing traces gives no rows', () => {
  assert.deepEqual(spanRows({ traceID: 'x', spans: [], processes: {} }), []);
  assert.deepEqual(spanRows({}), []);
  assert.deepEqual(spanRows(null), []);
});

test('spanRows makes orphans roots and names an unknown process', () => {
  const rows = spanRows({ spans: [span('b', 'missing', 20, 5, { processID: 'nope' }), span('a', null, 10, 5)] });
  assert.deepEqual(rows.map((r) => [r.span.spanID, r.depth, r.parentMissing, r.service]),
    [['a', 0, false, 'unknown'], ['b', 0, true, 'unknown']]);
});

test('spanRows ignores references into another trace', () => {
  const linked = span('b', null, 20, 5, { references: [{ refType: 'FOLLOWS_FROM', traceID: 'other', spanID: 'a' }] });
  const rows = spanRows(trace([span('a', null, 10, 5), linked]));
  assert.deepEqual(rows.map((r) => [r.span.spanID, r.depth]), [['a', 0], ['b', 0]]);
});

test('spanRows survives a reference cycle and a self-reference', () => {
  const cyc = trace([span('a', 'c', 30, 1), span('b', 'a', 10, 1), span('c', 'b', 20, 1), span('d', 'd', 40, 1)]);
  const rows = spanRows(cyc);
  assert.equal(rows.length, 4);
  assert.deepEqual(rows.map((r) => [r.span.spanID, r.depth]), [['d', 0], ['b', 0], ['c', 1], ['a', 2]]);
  assert.equal(rows.filter((r) => r.depth === 0 && r.parentMissing).length, 2);
});

test('spanRows shows every span once when span ids repeat', () => {
  const dup = trace([span('a', null, 0, 10), span('b', 'a', 1, 2), span('b', 'a', 3, 2), span('c', 'b', 4, 1)]);
  const rows = spanRows(dup);
  assert.equal(rows.length, 4);
  assert.deepEqual(rows.map((r) => r.depth), [0, 1, 2, 1]);
});

test('spanRows handles a deep chain without recursion limits', () => {
  const spans = Array.from({ length: 20000 }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : null, i, 1));
  const rows = spanRows(trace(spans));
  assert.equal(rows.length, 20000);
  assert.equal(rows.at(-1).depth, 19999);
});

test('summarise describes the fixture', () => {
  const s = summarise(fixture());
  assert.deepEqual(s.root, { service: 'gateway', operation: 'POST /api/v1/runs/{run_id}/complete' });
  assert.equal(s.start, T0);
  assert.equal(s.duration, 75160); // the analytics consumer ends last, after the HTTP response
  assert.equal(s.spanCount, 8);
  assert.equal(s.depth, 5);
  assert.equal(s.errors, 1);
  assert.deepEqual(s.services, [
    { name: 'scenario', spans: 3 }, { name: 'analytics', spans: 2 },
    { name: 'gateway', spans: 2 }, { name: 'content', spans: 1 },
  ]);
});

test('summarise of an empty trace', () => {
  assert.deepEqual(summarise({ spans: [] }),
    { root: null, start: 0, duration: 0, spanCount: 0, depth: 0, services: [], errors: 0 });
});

test('summarise falls back to an orphan when there is no true root', () => {
  const s = summarise(trace([span('b', 'gone', 5, 5)]));
  assert.deepEqual(s.root, { service: 'svc', operation: 'op-b' });
});

test('a zero-duration trace has zero offsets and bars that do not divide by zero', () => {
  const t = trace([span('a', null, 100, 0), span('b', 'a', 100, 0)]);
  const s = summarise(t);
  assert.equal(s.duration, 0);
  assert.deepEqual(spanRows(t).map((r) => r.offset), [0, 0]);
  assert.deepEqual(barGeometry(0, 0, s.duration), { left: 0, width: 0, labelSide: 'right' });
});

test('barGeometry places bars in percent and keeps them inside the track', () => {
  assert.deepEqual(barGeometry(25, 50, 100), { left: 25, width: 50, labelSide: 'left' });
  assert.deepEqual(barGeometry(0, 10, 100), { left: 0, width: 10, labelSide: 'right' });
  assert.deepEqual(barGeometry(90, 50, 100), { left: 90, width: 10, labelSide: 'left' });
  assert.deepEqual(barGeometry(-5, 1, 100), { left: 0, width: 1, labelSide: 'right' });
  // A bar across the track has no room beside it: its label goes inside its end.
  assert.deepEqual(barGeometry(0, 100, 100), { left: 0, width: 100, labelSide: 'inside' });
});

test('defaultService skips Jaeger itself', () => {
  assert.equal(defaultService(['analytics', 'gateway']), 'analytics');
  assert.equal(defaultService(['jaeger', 'gateway']), 'gateway');
  assert.equal(defaultService(['jaeger']), 'jaeger');
  assert.equal(defaultService([]), '');
  assert.equal(defaultService(null), '');
});

test('searchParams and formFromParams round-trip the form', () => {
  const form = { service: 'gateway', operation: 'GET /api/v1/runs/{run_id}', tags: 'error=true msg="a b"', lookback: '6h', limit: 50 };
  const qs = searchParams(form).toString();
  assert.match(qs, /^service=gateway&operation=GET\+%2Fapi%2Fv1%2Fruns%2F%7Brun_id%7D&tags=/);
  assert.deepEqual(formFromParams(new URLSearchParams(qs)), form);
  assert.deepEqual(formFromParams(qs), form);
});

test('searchParams leaves defaults and blanks out of the URL', () => {
  assert.equal(searchParams({ service: 's', operation: 'all', tags: '  ', lookback: '1h', limit: 20 }).toString(),
    'service=s&lookback=1h&limit=20');
});

test('formFromParams repairs missing or hand-edited values', () => {
  assert.deepEqual(formFromParams(''), { service: '', operation: 'all', tags: '', lookback: '1h', limit: 20 });
  assert.deepEqual(formFromParams('lookback=3d&limit=9999&operation='), { service: '', operation: 'all', tags: '', lookback: '1h', limit: 200 });
  assert.equal(formFromParams('limit=0').limit, 1);
  assert.equal(formFromParams('limit=abc').limit, 20);
});

test('apiSearchParams builds the Jaeger query with a microsecond window', () => {
  const now = 1767271234567;
  const p = apiSearchParams({ service: 'gateway', operation: 'all', tags: 'http.route=/api/v1/runs error=true', lookback: '15m', limit: 20 }, now);
  assert.equal(p.get('service'), 'gateway');
  assert.equal(p.has('operation'), false);
  assert.deepEqual(JSON.parse(p.get('tags')), { 'http.route': '/api/v1/runs', error: 'true' });
  assert.equal(p.get('end'), String(now * 1000));
  assert.equal(p.get('start'), String((now - 15 * 60 * 1000) * 1000));
  assert.equal(p.get('lookback'), '15m');
  assert.equal(p.get('limit'), '20');
  const q = apiSearchParams({ service: 's', operation: 'op', tags: '', lookback: 'bogus', limit: 5 }, now);
  assert.equal(q.get('operation'), 'op');
  assert.equal(q.has('tags'), false);
  assert.equal(q.get('start'), String((now - 3600e3) * 1000));
  assert.throws(() => apiSearchParams({ service: 's', tags: 'oops' }, now), /"oops"/);
});

test('tagValue finds a tag or gives undefined', () => {
  const rows = spanRows(fixture());
  assert.equal(tagValue(rows[0].span, 'span.kind'), 'server');
  assert.equal(tagValue(rows[0].span, 'nope'), undefined);
  assert.equal(tagValue({}, 'span.kind'), undefined);
});

test('the page modules import without a DOM and do nothing until DOMContentLoaded', async () => {
  await assert.doesNotReject(import('./static/app.js'));
});
