// The query page: search with facets, a document view with highlighted entities, an entity view and a status view.
// Document text is untrusted: it only ever reaches the page as text nodes (el() below never parses markup).
'use strict';

const TYPES = ['Chemical', 'Disease', 'Person', 'Organization', 'Location', 'Publication', 'Date', 'Quantity', 'Url', 'Email', 'Phone'];
const main = document.getElementById('main');
const input = document.getElementById('q');
const live = document.getElementById('live');
let pending = null;
let debounce = 0;

/** Creates an element; string children become text nodes, attributes are set as attributes (never as markup). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  return append(node, children);
}

/** Replaces a node's children (same rules as el). */
function put(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** Appends children: nodes as they are, strings as text nodes, null/false skipped, arrays flattened. */
function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function announce(text) { live.textContent = text; }

async function api(path, signal) {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const errors = body && body.errors ? Object.values(body.errors).flat().join(' ') : '';
    const message = body ? (body.detail || body.title || '') : '';
    throw new Error((message + ' ' + errors).trim() || `The server answered ${response.status}.`);
  }
  return body;
}

/** The search state lives in the URL hash: #/?q=...&entity=Type:value&from=&to=&sort= */
function readState(search) {
  const p = new URLSearchParams(search);
  return { q: p.get('q') || '', entities: p.getAll('entity'), from: p.get('from') || '', to: p.get('to') || '', sort: p.get('sort') || '' };
}

function stateQuery(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const e of state.entities) p.append('entity', e);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort) p.set('sort', state.sort);
  return p;
}

function searchHash(state) {
  const p = stateQuery(state).toString();
  return '#/' + (p ? '?' + p : '');
}

function go(hash, replace) {
  if (replace) { history.replaceState(null, '', hash); route(); } else { location.hash = hash; }
}

/** The one date format of the page: 2024-05-01, with the time (local, 24 h) when there is one: 2024-05-01 14:03. */
function formatDate(value) {
  if (!value) return '';
  const d = new Date(value);
  if (isNaN(d)) return '';
  const pad = n => String(n).padStart(2, '0');
  const utcMidnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  if (utcMidnight) return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Each entity key of a document with the surface form the document uses most for it. */
function displayNames(entities) {
  const forms = new Map();
  for (const e of entities) {
    const key = `${e.type}:${(e.canonical || e.text).trim().replace(/\s+/g, ' ').toLowerCase()}`;
    const value = key.slice(key.indexOf(':') + 1);
    const text = e.text.trim().replace(/\s+/g, ' ');
    const form = text.toLowerCase() === value ? text : (e.canonical && e.canonical.toLowerCase() === value ? e.canonical : value);
    if (!forms.has(key)) forms.set(key, new Map());
    forms.get(key).set(form, (forms.get(key).get(form) || 0) + 1);
  }
  const names = new Map();
  for (const [key, counts] of forms) names.set(key, [...counts].sort((a, b) => b[1] - a[1])[0][0]);
  return names;
}

function swatch(type) { return el('span', { class: 'swatch t-' + type, 'aria-hidden': 'true' }); }

function entityHref(key) { return '#/entity/' + encodeURIComponent(key); }

/** The snippet with its highlight ranges as <mark> elements (ranges index the plain-text snippet). */
function snippetNode(hit) {
  const p = el('p', { class: 'snippet' });
  let at = 0;
  const ranges = [...(hit.highlights || [])].sort((a, b) => a.start - b.start);
  for (const r of ranges) {
    if (r.start < at) continue;
    p.append(hit.snippet.slice(at, r.start), el('mark', null, hit.snippet.slice(r.start, r.start + r.length)));
    at = r.start + r.length;
  }
  p.append(hit.snippet.slice(at));
  return p;
}

function resultItem(hit) {
  const counts = Object.entries(hit.entityCounts || {}).sort((a, b) => b[1] - a[1]);
  return el('li', { class: 'result' },
    el('h2', null, el('a', { href: '#/doc/' + hit.id }, hit.title || '(untitled)')),
    el('p', { class: 'meta' }, [hit.source.name, hit.published ? 'published ' + formatDate(hit.published) : 'stored ' + formatDate(hit.storedAt)].join(' · ')),
    snippetNode(hit),
    counts.length ? el('ul', { class: 'badges', 'aria-label': 'Entities in this document' },
      counts.map(([type, n]) => el('li', { class: 'badge t-' + type }, `${n} ${type}`))) : null);
}

/** A paged list of results for a query string; "Next" follows the cursor, "Previous" returns to earlier cursors. */
function pagedResults(params, signal, emptyText) {
  const box = el('div', { class: 'paged' });
  const cursors = [null];
  let page = 0;
  async function load() {
    const p = new URLSearchParams(params);
    p.set('limit', '20');
    if (cursors[page]) p.set('cursor', cursors[page]);
    const data = await api('/api/documents?' + p, signal);
    if (page === 0 && data.total !== null) box.dataset.total = data.total;
    cursors[page + 1] = data.nextCursor;
    const total = Number(box.dataset.total || 0);
    const first = page * 20 + 1;
    const summary = data.hits.length === 0 ? emptyText
      : `Showing ${first}–${first + data.hits.length - 1} of ${total} document${total === 1 ? '' : 's'}`;
    const prev = el('button', { type: 'button', disabled: page === 0, onclick: () => { page--; load().catch(show); } }, '← Previous');
    const next = el('button', { type: 'button', disabled: !data.nextCursor, onclick: () => { page++; load().catch(show); } }, 'Next →');
    put(box,
      el('p', { class: 'summary', id: 'result-summary' }, summary),
      el('ol', { class: 'results', 'aria-labelledby': 'result-summary' }, data.hits.map(resultItem)),
      data.nextCursor || page > 0 ? el('nav', { class: 'pager', 'aria-label': 'Pages' }, prev, `Page ${page + 1}`, next) : null);
    announce(summary);
  }
  function show(error) { if (error.name !== 'AbortError') put(box, el('p', { class: 'error', role: 'alert' }, error.message)); }
  return { node: box, load: () => load().catch(show) };
}

function facetPanel(state, facets) {
  const byType = new Map();
  for (const f of facets) { if (!byType.has(f.type)) byType.set(f.type, []); byType.get(f.type).push(f); }
  const sections = TYPES.filter(t => byType.has(t)).map(type => el('section', { 'aria-labelledby': 'facet-' + type },
    el('h3', { id: 'facet-' + type }, swatch(type), type),
    el('ul', { class: 'facet-list' }, byType.get(type).map(f => el('li', null,
      el('button', {
        type: 'button', class: 'facet', 'data-key': f.key, 'aria-pressed': state.entities.includes(f.key) ? 'true' : 'false',
        onclick: () => {
          const entities = state.entities.includes(f.key) ? state.entities.filter(e => e !== f.key) : [...state.entities, f.key];
          go(searchHash({ ...state, entities }));
        },
      }, el('span', { class: 'name' }, f.display || f.value), el('span', { class: 'count' }, String(f.documents))))))));
  return sections.length ? sections : [el('p', { class: 'summary' }, 'No entities in these results.')];
}

function dateFilters(state) {
  const from = el('input', { id: 'from', type: 'date', value: state.from });
  const to = el('input', { id: 'to', type: 'date', value: state.to });
  const sort = el('select', { id: 'sort' },
    el('option', { value: '' }, 'Relevance'),
    el('option', { value: 'date', selected: state.sort === 'date' }, 'Newest first'));
  const apply = () => go(searchHash({ ...state, from: from.value, to: to.value, sort: sort.value }));
  from.addEventListener('change', apply);
  to.addEventListener('change', apply);
  sort.addEventListener('change', apply);
  return [el('label', { for: 'from' }, 'Published from'), from, el('label', { for: 'to' }, 'Published to'), to, el('label', { for: 'sort' }, 'Order'), sort];
}

async function renderSearch(search, signal) {
  const state = readState(search);
  if (document.activeElement !== input) input.value = state.q;
  const params = stateQuery(state);
  const chips = state.entities.map(key => el('li', { class: 'chip t-' + key.split(':')[0] },
    key.replace(':', ': '),
    el('button', { type: 'button', 'aria-label': 'Remove filter ' + key, onclick: () => go(searchHash({ ...state, entities: state.entities.filter(e => e !== key) })) }, '×')));
  const results = pagedResults(params, signal, 'No documents match.');
  const facetsBox = el('div', { id: 'facets' }, el('p', { class: 'summary' }, 'Loading entities…'));
  const filters = el('details', { class: 'filters', open: matchMedia('(min-width: 801px)').matches || state.entities.length > 0 },
    el('summary', null, 'Filters'), dateFilters(state), facetsBox);
  put(main, el('div', { class: 'layout' },
    el('aside', { 'aria-label': 'Filters' }, filters),
    el('section', { 'aria-label': 'Results' },
      el('h1', { class: 'visually-hidden' }, 'Search results'),
      chips.length ? el('ul', { class: 'chips', 'aria-label': 'Active entity filters' }, chips) : null,
      results.node)));
  const facetParams = new URLSearchParams(params);
  facetParams.delete('q');
  facetParams.delete('sort');
  if (state.q) facetParams.set('search', state.q);
  facetParams.set('limit', '8');
  await Promise.all([
    results.load(),
    api('/api/entities?' + facetParams, signal)
      .then(data => put(facetsBox, ...facetPanel(state, data.entities)))
      .catch(error => { if (error.name !== 'AbortError') put(facetsBox, el('p', { class: 'error' }, error.message)); }),
  ]);
}

/**
 * The text split at entity spans; overlapping or out-of-range spans are skipped, so the text is always shown whole.
 * For paged sources (PDF, slides) a "p. N" marker stands where each page starts, and each removed block with a
 * position stands struck through where it was (hidden until the reader asks for it).
 */
function highlightedText(text, entities, pages, removed) {
  const box = el('div', { class: 'doc-text', id: 'doc-text' });
  const marks = [
    ...(pages || []).filter(p => p.start >= 0 && p.start <= text.length)
      .map(p => ({ start: p.start, node: () => el('span', { class: 'page-no', id: 'page-' + p.number, 'aria-label': 'page ' + p.number }, 'p. ' + p.number) })),
    ...placedRemovals(removed, text.length)
      .map(r => ({ start: r.offset, node: () => el('del', { class: 'removed-inline', 'data-kind': r.kind, title: 'Removed by cleaning: ' + r.kind }, el('span', { class: 'kind' }, r.kind), r.text) })),
  ].sort((a, b) => a.start - b.start);
  let mark = 0;
  const plain = (from, to, last) => {
    while (mark < marks.length && (marks[mark].start < to || (last && marks[mark].start <= to))) {
      const at = Math.max(from, marks[mark].start);
      box.append(text.slice(from, at), marks[mark].node());
      from = at;
      mark++;
    }
    box.append(text.slice(from, to));
  };
  const spans = [...entities].filter(e => e.start >= 0 && e.end <= text.length && e.start < e.end).sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const e of spans) {
    if (e.start < at) continue;
    const key = `${e.type}:${(e.canonical || e.text).trim().toLowerCase()}`;
    const tip = `${e.type}: ${e.canonical || e.text}${e.id ? '\n' + e.id : ''}`;
    plain(at, e.start, false);
    box.append(el('a', {
      class: 'ent t-' + e.type, href: entityHref(key), 'data-type': e.type, 'data-tip': tip, title: tip,
      'aria-label': `${text.slice(e.start, e.end)} (${e.type}: ${e.canonical || e.text})`,
    }, text.slice(e.start, e.end)));
    at = e.end;
  }
  plain(at, text.length, true);
  return box;
}

/** Removed blocks that know where they stood (documents cleaned before positions were kept have none). */
function placedRemovals(removed, length) {
  return (removed || []).filter(r => Number.isInteger(r.offset) && r.offset >= 0 && r.offset <= length);
}

function sourceLink(source) {
  try {
    const url = new URL(source.uri);
    if (url.protocol === 'http:' || url.protocol === 'https:') return el('a', { href: url.href, rel: 'noopener noreferrer nofollow', target: '_blank' }, source.uri);
  } catch { /* not a URL: shown as text */ }
  return source.uri;
}

async function renderDocument(id, signal) {
  const doc = await api('/api/documents/' + encodeURIComponent(id), signal);
  if (doc.status !== 'stored') {
    put(main, el('h1', null, 'Document ' + id), el('p', { class: 'notice', role: 'status' }, outcomeText(doc)), el('p', null, el('a', { href: '#/' }, 'Back to search')));
    return;
  }
  document.title = (doc.title || 'Document') + ' – Pipeline';
  const counts = new Map();
  for (const e of doc.entities) counts.set(e.type, (counts.get(e.type) || 0) + 1);
  const rows = [
    ['Source', sourceLink(doc.source)], ['Inside', doc.source.parent ? sourceLink({ uri: doc.source.parent }) : null], ['Kind', doc.source.kind],
    ['Format', doc.format ? doc.format.toUpperCase() : null], ['Pages', doc.pages && doc.pages.length ? doc.pages.length : null], ['Published', formatDate(doc.published)],
    ['Author', doc.author], ['Site', doc.siteName], ['Language', doc.language], ['Fetched', formatDate(doc.fetchedAt)],
    ['Stored', formatDate(doc.storedAt)], ['Version', doc.version], ['Id', doc.id],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  const removed = doc.cleaning.removed;
  const names = displayNames(doc.entities);
  put(main,
    el('a', { class: 'back', href: '#/', onclick: (ev) => { if (history.length > 1) { ev.preventDefault(); history.back(); } } }, '← Back to results'),
    el('div', { class: 'doc' },
      el('article', { 'aria-labelledby': 'doc-title' },
        el('h1', { id: 'doc-title' }, doc.title || '(untitled)'),
        placedRemovals(removed, doc.text.length).length ? el('label', { class: 'toggle' },
          el('input', { type: 'checkbox', id: 'show-removed', onchange: (ev) => document.getElementById('doc-text').classList.toggle('show-removed', ev.target.checked) }),
          ' Show removed blocks in place') : null,
        highlightedText(doc.text, doc.entities, doc.pages, removed),
        el('details', { class: 'removed' },
          el('summary', null, `Removed by cleaning (${removed.length})`),
          removed.length ? el('ul', null, removed.map(r => el('li', null, el('span', { class: 'kind' }, r.kind), r.text))) : el('p', null, 'Nothing was removed.'))),
      el('aside', { 'aria-label': 'About this document' },
        el('section', { class: 'panel' }, el('h2', null, 'Metadata'), el('dl', { class: 'metadata' }, rows.map(([k, v]) => [el('dt', null, k), el('dd', null, v)]))),
        el('section', { class: 'panel', 'aria-labelledby': 'legend-title' },
          el('h2', { id: 'legend-title' }, 'Entities'),
          counts.size ? el('ul', { class: 'legend', id: 'legend' }, TYPES.filter(t => counts.has(t)).map(t => el('li', { class: 't-' + t }, `${t} (${counts.get(t)})`)))
            : el('p', null, 'No entities were found.'),
          doc.entityKeys.length ? el('ul', { class: 'entity-list' }, doc.entityKeys.slice(0, 40).map(k =>
            el('li', null, el('a', { href: entityHref(k) }, el('span', null, swatch(k.split(':')[0]), names.get(k) || k.slice(k.indexOf(':') + 1)))))) : null))));
  announce('Document: ' + (doc.title || 'untitled'));
}

async function renderEntity(key, signal) {
  const data = await api('/api/entities/cooccurring?' + new URLSearchParams({ entity: key, limit: '25' }), signal);
  const e = data.entity;
  document.title = `${e.display || e.value} (${e.type}) – Pipeline`;
  const results = pagedResults(new URLSearchParams({ entity: e.key, sort: 'date' }), signal, 'No documents mention it.');
  put(main,
    el('a', { class: 'back', href: searchHash({ q: '', entities: [e.key], from: '', to: '', sort: '' }) }, 'Search within these documents'),
    el('h1', null, swatch(e.type), e.display || e.value, ' ', el('span', { class: 'badge t-' + e.type }, e.type)),
    el('p', { class: 'summary' }, `Mentioned in ${e.documents} document${e.documents === 1 ? '' : 's'}.`),
    el('div', { class: 'layout' },
      el('aside', { class: 'panel', 'aria-labelledby': 'co-title' },
        el('h2', { id: 'co-title' }, 'Often appears with'),
        data.cooccurring.length ? el('ul', { class: 'entity-list' }, data.cooccurring.map(c => el('li', null,
          el('a', { href: entityHref(c.key) }, el('span', null, swatch(c.type), c.display || c.value, el('span', { class: 'visually-hidden' }, ` (${c.type})`)), el('span', { class: 'count' }, String(c.documents))))))
          : el('p', null, 'Nothing else yet.')),
      el('section', { 'aria-label': 'Documents mentioning it' }, el('h2', null, 'Documents'), results.node)));
  await results.load();
}

function formatBytes(n) {
  if (n === null || n === undefined) return 'unknown';
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return (i === 0 ? String(n) : n.toFixed(1)) + ' ' + units[i];
}

/** A bar per minute of the last hour (minutes with none are zero), drawn as SVG elements, never as markup. */
function perMinuteChart(minutes) {
  const ns = 'http://www.w3.org/2000/svg';
  const now = Math.floor(Date.now() / 60000);
  const counts = new Array(60).fill(0);
  for (const m of minutes) {
    const slot = 59 - (now - Math.floor(new Date(m.minute).getTime() / 60000));
    if (slot >= 0 && slot < 60) counts[slot] += m.count;
  }
  const max = Math.max(1, ...counts);
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 600 100');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  const total = counts.reduce((a, b) => a + b, 0);
  svg.setAttribute('aria-label', `${total} documents stored in the last hour, at most ${max === 1 && total === 0 ? 0 : max} in one minute`);
  counts.forEach((n, i) => {
    const bar = document.createElementNS(ns, 'rect');
    const h = n === 0 ? 0 : Math.max(2, Math.round(n / max * 96));
    bar.setAttribute('x', String(i * 10 + 1));
    bar.setAttribute('y', String(100 - h));
    bar.setAttribute('width', '8');
    bar.setAttribute('height', String(h));
    const title = document.createElementNS(ns, 'title');
    title.textContent = `${n} stored, ${60 - i} min ago`;
    bar.append(title);
    svg.append(bar);
  });
  return svg;
}

function lastRunText(run) {
  if (!run) return 'never';
  const when = formatDate(run.startedAt);
  if (!run.finishedAt) return `${when} (running or interrupted)`;
  return `${when}: fetched ${run.fetched}, not modified ${run.notModified}, errors ${run.errors}`;
}

/** The faulted messages of each stage's _error queue, one row each; "none" when every queue is empty or there are none. */
function errorQueues(data, none, table) {
  if (data.items.length === 0) return none(data.error ? 'none: ' + data.error : 'none');
  const rows = data.items.flatMap(q => q.messages.map(m => [q.stage, m.documentId || 'unknown', [m.exceptionType, m.message].filter(Boolean).join(': ') || 'no message', m.faultedAt ? formatDate(m.faultedAt) : 'unknown']));
  const unlisted = data.items.reduce((n, q) => n + Math.max(0, q.count - q.messages.length), 0);
  if (rows.length === 0) return none();
  return [table('Faulted messages per stage', ['Stage', 'Document', 'Error', 'When'], rows),
    unlisted > 0 ? el('p', { class: 'note' }, `${unlisted} more not listed; pipeline errors shows them all, and pipeline errors retry sends them back.`) : null];
}

async function renderStats(signal) {
  const errorsRequest = api('/api/errors?limit=20', signal).catch(error => ({ items: [], error: error.name === 'AbortError' ? null : error.message }));
  const s = await api('/api/stats', signal);
  const errors = await errorsRequest;
  document.title = 'Status – Pipeline';
  const none = text => el('p', { class: 'none' }, text || 'none');
  const table = (caption, head, rows) => el('table', { class: 'stats' }, el('caption', null, caption),
    head ? el('thead', null, el('tr', null, head.map(h => el('th', { scope: 'col' }, h)))) : null,
    el('tbody', null, rows.map(cells => el('tr', null, cells.map((c, i) => i === 0 ? el('th', { scope: 'row' }, c) : el('td', { class: typeof c === 'number' ? 'n' : null }, String(c)))))));
  const section = (id, title, body, wide) => el('section', { class: wide ? 'panel wide' : 'panel', 'aria-labelledby': id }, el('h2', { id }, title), body);
  const kinds = Object.entries(s.bySourceKind);
  const hosts = Object.entries(s.byHost);
  const queues = !s.queues ? none(`none (the ${s.transport} transport keeps no queues to count)`)
    : s.queues.error ? none('none: ' + s.queues.error)
    : s.queues.items.length === 0 ? none()
    : table('Messages waiting per stage queue', ['Queue', 'Ready', 'Total', 'Consumers'], s.queues.items.map(q => [q.name, q.messagesReady, q.messages, q.consumers]));
  const crawls = s.crawls.length === 0 ? none()
    : table('Crawls', ['Crawl', 'Schedule', 'Last run', 'Next run'], s.crawls.map(c => [c.name, c.schedule, lastRunText(c.lastRun), c.nextRun ? formatDate(c.nextRun) : 'unknown']));
  put(main,
    el('h1', null, 'Status'),
    el('p', { id: 'status-summary' }, `${s.documents} documents stored (${s.duplicates} duplicates recorded), ${formatBytes(s.sizeBytes)} on disk. Last stored ${s.lastStoredAt ? formatDate(s.lastStoredAt) : 'never'}. Transport ${s.transport}, store ${s.store}.`),
    el('div', { class: 'grid2' },
      section('rate-title', 'Stored per minute, last hour', s.storedPerMinute
        ? [perMinuteChart(s.storedPerMinute), el('div', { class: 'axis', 'aria-hidden': 'true' }, el('span', null, '60 min ago'), el('span', null, '30 min ago'), el('span', null, 'now'))]
        : none('none (this store does not report it)'), true),
      section('crawls-title', 'Crawls', crawls, true),
      section('queues-title', 'Queues', queues),
      section('errors-title', 'Error queues', errorQueues(errors, none, table), true),
      section('kinds-title', 'By source kind', kinds.length ? table('Documents by source kind', null, kinds) : none()),
      section('hosts-title', 'By host', hosts.length ? table('Documents by web host', null, hosts) : none())),
    el('p', null, el('a', { href: '/openapi/v1.json' }, 'API description (OpenAPI)')));
}

/** What a submission's location said, in words. */
function outcomeText(o) {
  switch (o.status) {
    case 'processing': return 'Processing…';
    case 'stored': return 'Stored.';
    case 'duplicate': return 'Not stored: the same text is already stored' + (o.duplicateOf ? ` (document ${o.duplicateOf}).` : '.');
    case 'rejected': return `Rejected by the ${o.stage || 'pipeline'}: ${o.reason || 'no reason given'}${o.detail ? ' – ' + o.detail : ''}`;
    case 'failed': return `Failed in the ${o.stage || 'pipeline'}${o.detail ? ': ' + o.detail : '.'}`;
    default: return 'Unknown outcome.';
  }
}

/** Sends one file, reporting upload progress, then polls its location until it is no longer processing. */
function uploadOne(file, key, report) {
  return new Promise(resolve => {
    const form = new FormData();
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('X-Api-Key', key);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', ev => { if (ev.lengthComputable) report({ progress: ev.loaded / ev.total, text: 'Uploading…' }); });
    xhr.addEventListener('error', () => { report({ done: true, ok: false, text: 'The upload failed: the server could not be reached.' }); resolve(); });
    xhr.addEventListener('load', async () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status !== 202 || !body) {
        const errors = body && body.errors ? Object.values(body.errors).flat().join(' ') : '';
        report({ done: true, ok: false, text: `Refused: ${((body && (body.detail || body.title)) || 'the server answered ' + xhr.status)} ${errors}`.trim() });
        resolve();
        return;
      }
      report({ progress: 1, text: 'Processing…' });
      for (let i = 0; i < 240; i++) {
        const response = await fetch(body.location, { headers: { Accept: 'application/json' } });
        const outcome = await response.json().catch(() => null);
        if (response.status !== 202 && outcome) {
          const ok = outcome.status === 'stored';
          report({ done: true, ok, text: outcomeText(outcome), href: ok ? '#/doc/' + outcome.id : null });
          resolve();
          return;
        }
        await new Promise(r => setTimeout(r, 500));
      }
      report({ done: true, ok: false, text: 'Still processing after two minutes; see the document later.', href: '#/doc/' + body.id });
      resolve();
    });
    xhr.send(form);
  });
}

function renderUpload() {
  document.title = 'Upload – Pipeline';
  const keyInput = el('input', { id: 'api-key', type: 'password', autocomplete: 'off', value: sessionStorage.getItem('pipeline-api-key') || '' });
  const fileInput = el('input', { id: 'files', type: 'file', multiple: true, class: 'visually-hidden' });
  const list = el('ul', { class: 'uploads', id: 'uploads', 'aria-live': 'polite' });
  const send = files => {
    const key = keyInput.value.trim();
    sessionStorage.setItem('pipeline-api-key', key);
    for (const file of files) {
      const bar = el('progress', { max: '1', value: '0' });
      const status = el('span', { class: 'outcome' }, 'Waiting…');
      const item = el('li', { class: 'upload' }, el('span', { class: 'file' }, file.name), bar, status);
      list.append(item);
      uploadOne(file, key, r => {
        if (r.progress !== undefined) bar.value = r.progress;
        if (r.done) { bar.remove(); item.classList.add(r.ok ? 'ok' : 'bad'); }
        put(status, r.href ? el('a', { href: r.href }, r.text) : r.text);
      });
    }
  };
  const zone = el('div', { class: 'dropzone', id: 'dropzone', tabindex: '0', role: 'button', 'aria-describedby': 'drop-hint' },
    el('p', null, 'Drop files here, or ', el('label', { for: 'files', class: 'button' }, 'choose files')),
    el('p', { id: 'drop-hint', class: 'summary' }, '.txt, .md and .html files; several at once. Each shows its progress and how it ended.'));
  zone.addEventListener('dragover', ev => { ev.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', ev => { ev.preventDefault(); zone.classList.remove('over'); send([...ev.dataTransfer.files]); });
  zone.addEventListener('keydown', ev => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); fileInput.click(); } });
  fileInput.addEventListener('change', () => { send([...fileInput.files]); fileInput.value = ''; });
  put(main,
    el('h1', null, 'Upload documents'),
    el('div', { class: 'panel upload-form' },
      el('label', { for: 'api-key' }, 'API key (X-Api-Key)'), keyInput,
      zone, fileInput),
    list);
}

async function route() {
  if (pending) pending.abort();
  pending = new AbortController();
  const signal = pending.signal;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search] = hash.split('?');
  try {
    if (path.startsWith('/doc/')) await renderDocument(decodeURIComponent(path.slice(5)), signal);
    else if (path.startsWith('/entity/')) await renderEntity(decodeURIComponent(path.slice(8)), signal);
    else if (path === '/stats') await renderStats(signal);
    else if (path === '/upload') renderUpload();
    else { document.title = 'Pipeline search'; await renderSearch(search || '', signal); }
  } catch (error) {
    if (error.name === 'AbortError') return;
    put(main, el('p', { class: 'error', role: 'alert' }, error.message), el('p', null, el('a', { href: '#/' }, 'Back to search')));
  }
}

function searchFromInput(replace) {
  const state = location.hash.startsWith('#/?') || location.hash === '#/' || location.hash === '' ? readState(location.hash.split('?')[1] || '') : readState('');
  go(searchHash({ ...state, q: input.value.trim() }), replace);
}

document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  clearTimeout(debounce);
  searchFromInput(false);
});
input.addEventListener('input', () => {
  clearTimeout(debounce);
  debounce = setTimeout(() => searchFromInput(true), 250);
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) { ev.preventDefault(); input.focus(); input.select(); }
});
window.addEventListener('hashchange', () => { route(); main.focus({ preventScroll: true }); });

// The upload link is offered only when the server takes writes.
api('/api/stats').then(s => { if (s.writes) document.getElementById('upload-link').hidden = false; }).catch(() => { /* reads may need a key: no link */ });
route();
