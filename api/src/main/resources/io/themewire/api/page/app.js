// Themewire editors' page. Plain DOM, no framework, no inline code: the server's CSP allows only
// scripts and styles from this origin. Text from the API is always set as text nodes; the one
// exception is the search snippet, whose <mark> tags are turned into elements by markSnippet().
'use strict';

(function () {
  const STATE_KEYS = ['q', 'theme', 'source', 'kind', 'from', 'to', 'sort', 'date', 'view'];
  const SEARCH_KEYS = ['q', 'theme', 'source', 'kind', 'from', 'to', 'sort'];
  const PAGE_SIZE = 20;
  const SVG = 'http://www.w3.org/2000/svg';
  const ROLE_SHORT = { 'individual contributor': 'IC' };

  let state = readState();
  let themes = []; // [{id, label, description, count}]
  let nextCursor = null;
  let loadSeq = 0;
  let themesReady = Promise.resolve();
  const knownSources = new Map(); // source id -> display name, for the filter when no facets

  const $ = (id) => document.getElementById(id);

  // ---------- state <-> URL ----------

  function readState() {
    const params = new URLSearchParams(window.location.search);
    const s = {};
    for (const k of STATE_KEYS) {
      const v = params.get(k);
      if (v !== null && v !== '') {
        s[k] = v;
      }
    }
    return s;
  }

  function writeState(push) {
    const params = new URLSearchParams();
    for (const k of STATE_KEYS) {
      if (state[k]) {
        params.set(k, state[k]);
      }
    }
    const query = params.toString();
    const url = window.location.pathname + (query ? '?' + query : '');
    if (push) {
      window.history.pushState(null, '', url);
    } else {
      window.history.replaceState(null, '', url);
    }
  }

  function apiQuery(keys, extra) {
    const params = new URLSearchParams();
    for (const k of keys) {
      if (state[k]) {
        params.set(k, state[k]);
      }
    }
    for (const [k, v] of Object.entries(extra || {})) {
      if (v !== undefined && v !== null && v !== '') {
        params.set(k, v);
      }
    }
    return params.toString();
  }

  // ---------- DOM helpers ----------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) {
        continue;
      }
      if (k === 'text') {
        node.textContent = v;
      } else if (k === 'class') {
        node.className = v;
      } else if (k.startsWith('on')) {
        node.addEventListener(k.slice(2), v);
      } else {
        node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) {
        continue;
      }
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      node.setAttribute(k, String(v));
    }
    return node;
  }

  /** Only http(s) URLs become links; anything else (javascript:, data:, ...) is shown as text. */
  function safeHref(raw) {
    if (typeof raw !== 'string' || raw === '') {
      return null;
    }
    try {
      const u = new URL(raw, window.location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(url, text) {
    const href = safeHref(url);
    if (!href) {
      return el('span', { class: 'nolink', text: text });
    }
    return el('a', { href: href, rel: 'nofollow noopener noreferrer', text: text });
  }

  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

  function decodeEntities(s) {
    return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      const named = ENTITIES[e.toLowerCase()];
      return named === undefined ? m : named;
    });
  }

  /**
   * The snippet is HTML-escaped text with query terms in <mark>. Split on exactly those two tags,
   * build <mark> elements for them and text nodes for everything else (entities decoded), so no
   * other markup can ever become an element.
   */
  function markSnippet(parent, html) {
    let mark = null;
    for (const part of String(html || '').split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') {
        mark = mark || parent.appendChild(document.createElement('mark'));
      } else if (part === '</mark>') {
        mark = null;
      } else if (part !== '') {
        (mark || parent).appendChild(document.createTextNode(decodeEntities(part)));
      }
    }
    return parent;
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const detail = body && (body.detail || body.title) ? body.detail || body.title : response.statusText;
      const err = new Error(detail);
      err.status = response.status;
      throw err;
    }
    return body;
  }

  function themeLabel(id) {
    const t = themes.find((x) => x.id === id);
    return t ? t.label : id;
  }

  function roleName(role) {
    return ROLE_SHORT[role] || role;
  }

  function directionText(d) {
    return d && d.from && d.to ? roleName(d.from) + ' \u2192 ' + roleName(d.to) : null;
  }

  function day(iso) {
    return typeof iso === 'string' ? iso.slice(0, 10) : '';
  }

  /** aria-busy tells assistive technology (and the browser test) that a region is being redrawn. */
  function busy(id, on) {
    $(id).setAttribute('aria-busy', String(on));
  }

  function setStatus(text, isError) {
    const s = $('status');
    s.textContent = text || '';
    s.classList.toggle('error', Boolean(isError));
  }

  // ---------- search ----------

  function syncForm() {
    $('q').value = state.q || '';
    $('from').value = state.from && state.from.length >= 10 ? state.from.slice(0, 10) : '';
    $('to').value = state.to && state.to.length >= 10 ? state.to.slice(0, 10) : '';
    ensureOption($('source'), state.source, state.source);
    $('source').value = state.source || '';
    $('kind').value = state.kind || '';
    $('sort').value = state.sort === 'newest' ? 'date' : state.sort || '';
    $('date').value = state.date || '';
  }

  function ensureOption(select, value, label) {
    if (!value) {
      return;
    }
    for (const o of select.options) {
      if (o.value === value) {
        return;
      }
    }
    select.appendChild(el('option', { value: value, text: label }));
  }

  async function runSearch() {
    const seq = ++loadSeq;
    setStatus('Searching\u2026');
    busy('results', true);
    busy('chips', true);
    const query = apiQuery(SEARCH_KEYS, {
      size: PAGE_SIZE,
      facets: 'theme,source,kind',
    });
    let result;
    try {
      result = await getJson('/api/search?' + query);
    } catch (e) {
      if (seq === loadSeq) {
        setStatus('Search failed: ' + e.message, true);
        $('hits').replaceChildren();
        $('result-count').textContent = '';
        $('more').hidden = true;
        busy('results', false);
        busy('chips', false);
      }
      return;
    }
    await themesReady;
    if (seq !== loadSeq) {
      return;
    }
    setStatus('');
    drawHits(result, false);
    busy('results', false);
    if (performance.getEntriesByName('tw:results').length === 0) {
      performance.mark('tw:results'); // first results on screen; read by the web-page benchmark
    }
    drawFacets(result, seq);
    loadTrends(seq);
  }

  async function loadMore() {
    if (!nextCursor) {
      return;
    }
    const query = apiQuery(SEARCH_KEYS, { size: PAGE_SIZE, cursor: nextCursor });
    try {
      drawHits(await getJson('/api/search?' + query), true);
    } catch (e) {
      setStatus('Could not load more: ' + e.message, true);
    }
  }

  function drawHits(result, append) {
    const list = $('hits');
    if (!append) {
      list.replaceChildren();
    }
    const total = result.total || 0;
    const more = result.totalRelation === 'gte' ? '+' : '';
    $('result-count').textContent =
      total === 1 ? '1 result' : total.toLocaleString('en') + more + ' results';
    for (const hit of result.hits || []) {
      list.appendChild(hitNode(hit));
      if (hit.source) {
        knownSources.set(hit.source, hit.sourceName || hit.source);
      }
    }
    nextCursor = result.next || null;
    $('more').hidden = !nextCursor;
    if (total === 0) {
      list.appendChild(el('li', { class: 'empty', text: 'Nothing matches. Try fewer words or clear a filter.' }));
    }
  }

  function hitNode(hit) {
    const detailsId = 'details-' + hit.id;
    const badges = el('span', { class: 'badges' });
    const ordered = [hit.primary].concat((hit.themes || []).filter((t) => t !== hit.primary));
    for (const t of ordered) {
      if (t) {
        badges.appendChild(
          el('span', { class: 'badge' + (t === hit.primary ? ' primary' : ''), 'data-theme': t, text: themeLabel(t) })
        );
      }
    }
    const dir = directionText(hit.direction);
    const meta = el(
      'p',
      { class: 'meta' },
      el('span', { class: 'source', text: hit.sourceName || hit.source || '' }),
      el('span', { class: 'kind', text: hit.kind || '' }),
      el('time', { datetime: hit.published, text: day(hit.published) }),
      badges,
      dir ? el('span', { class: 'direction', text: dir }) : null
    );
    const discussed = (hit.discussions || []).length
      ? el('p', { class: 'discussed' }, 'Discussed on ', ...discussionSummary(hit.discussions))
      : null;
    const toggle = el('button', {
      type: 'button',
      class: 'expand',
      'aria-expanded': 'false',
      'aria-controls': detailsId,
      text: 'Evidence and discussions',
    });
    const details = el('div', { class: 'details', id: detailsId, hidden: true });
    toggle.addEventListener('click', () => toggleDetails(hit, toggle, details));
    const title = hit.title && hit.title.trim() !== '' ? hit.title : '(untitled)';
    return el(
      'li',
      { class: 'hit', 'data-id': hit.id },
      el('h3', { class: 'title' }, link(hit.url, title)),
      meta,
      hit.snippet ? markSnippet(el('p', { class: 'snippet' }), hit.snippet) : null,
      discussed,
      toggle,
      details
    );
  }

  function discussionSummary(discussions) {
    const out = [];
    discussions.slice(0, 3).forEach((d, i) => {
      if (i > 0) {
        out.push(', ');
      }
      out.push(link(d.url, d.sourceName || d.source || 'a thread'));
      out.push(' (' + engagementText(d.points, d.comments) + ')');
    });
    return out;
  }

  function engagementText(points, comments) {
    const parts = [];
    if (points !== null && points !== undefined) {
      parts.push(points + (points === 1 ? ' point' : ' points'));
    }
    if (comments !== null && comments !== undefined) {
      parts.push(comments + (comments === 1 ? ' comment' : ' comments'));
    }
    return parts.length ? parts.join(', ') : 'no counts';
  }

  async function toggleDetails(hit, toggle, details) {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', String(!open));
    details.hidden = open;
    if (open || details.dataset.loaded) {
      return;
    }
    details.replaceChildren(el('p', { class: 'muted', text: 'Loading\u2026' }));
    try {
      const item = await getJson('/api/items/' + encodeURIComponent(hit.id));
      details.replaceChildren(...detailsNodes(hit, item));
      details.dataset.loaded = 'true';
    } catch (e) {
      details.replaceChildren(el('p', { class: 'error', text: 'Could not load the item: ' + e.message }));
    }
  }

  function detailsNodes(hit, item) {
    const nodes = [];
    const evidence = item.evidence || [];
    nodes.push(el('h4', { text: 'Evidence' }));
    if (evidence.length) {
      const list = el('ul', { class: 'evidence' });
      for (const e of evidence) {
        list.appendChild(
          el(
            'li',
            {},
            el('blockquote', { text: e.sentence }),
            el('span', { class: 'badge', 'data-theme': e.theme, text: themeLabel(e.theme) }),
            typeof e.score === 'number' ? el('span', { class: 'muted', text: ' p=' + e.score.toFixed(2) }) : null
          )
        );
      }
      nodes.push(list);
    } else {
      nodes.push(el('p', { class: 'muted', text: 'No evidence sentence stored for this item.' }));
    }
    const dir = directionText(item.direction || hit.direction);
    if (dir) {
      nodes.push(el('p', { class: 'direction-line' }, 'Direction: ', el('strong', { text: dir })));
    }
    const discussions = hit.discussions || [];
    nodes.push(el('h4', { text: 'Discussions' }));
    if (discussions.length) {
      const list = el('ul', { class: 'discussions' });
      for (const d of discussions) {
        list.appendChild(
          el(
            'li',
            {},
            link(d.url, d.title || d.sourceName || 'thread'),
            ' \u2014 ' + (d.sourceName || d.source || '') + ', ' + engagementText(d.points, d.comments)
          )
        );
      }
      nodes.push(list);
    } else {
      nodes.push(el('p', { class: 'muted', text: 'Not discussed in any thread we follow.' }));
    }
    const alsoAt = []
      .concat((item.item && item.item.alsoAt) || [])
      .concat(hit.alsoAt || [])
      .map((a) => (typeof a === 'string' ? a : a && a.url))
      .filter((a, i, all) => a && all.indexOf(a) === i);
    nodes.push(el('h4', { text: 'Also published at' }));
    if (alsoAt.length) {
      const list = el('ul', { class: 'also-at' });
      for (const url of alsoAt) {
        list.appendChild(el('li', {}, link(url, url)));
      }
      nodes.push(list);
    } else {
      nodes.push(el('p', { class: 'muted', text: 'Nowhere else.' }));
    }
    return nodes;
  }

  // ---------- theme chips and filter options ----------

  async function drawFacets(result, seq) {
    const facets = result.facets || {};
    let counts;
    if (facets.theme) {
      counts = new Map(facets.theme.map((f) => [f.value, f.count]));
    } else {
      counts = await themeCountsBySearch(seq);
      if (counts === null) {
        return;
      }
    }
    drawChips(counts, result.total || 0);
    drawSourceOptions(facets.source);
    busy('chips', false);
  }

  /** Without facets from the server: one size-1 search per theme under the same query and filters. */
  async function themeCountsBySearch(seq) {
    const keys = SEARCH_KEYS.filter((k) => k !== 'theme');
    const pairs = await Promise.all(
      themes.map(async (t) => {
        try {
          const r = await getJson('/api/search?' + apiQuery(keys, { theme: t.id, size: 1 }));
          return [t.id, r.total];
        } catch (e) {
          return [t.id, null];
        }
      })
    );
    return seq === loadSeq ? new Map(pairs) : null;
  }

  function drawChips(counts, total) {
    const chips = $('chips');
    chips.replaceChildren();
    chips.appendChild(chip('', 'All themes', state.theme ? null : total));
    for (const t of themes) {
      chips.appendChild(chip(t.id, t.label, counts.has(t.id) ? counts.get(t.id) : 0, t.description));
    }
  }

  function chip(id, label, count, description) {
    const pressed = (state.theme || '') === id;
    const b = el(
      'button',
      {
        type: 'button',
        class: 'chip' + (pressed ? ' active' : ''),
        'aria-pressed': String(pressed),
        'data-theme': id,
        title: description || null,
      },
      el('span', { class: 'chip-label', text: label }),
      count === null || count === undefined ? null : el('span', { class: 'count', text: String(count) })
    );
    b.addEventListener('click', () => {
      state.theme = id === '' || state.theme === id ? undefined : id;
      apply(true);
    });
    return b;
  }

  function drawSourceOptions(sourceFacet) {
    const select = $('source');
    const entries = sourceFacet
      ? sourceFacet.map((f) => [f.value, (knownSources.get(f.value) || f.value) + ' (' + f.count + ')'])
      : Array.from(knownSources.entries());
    const have = new Set(Array.from(select.options).map((o) => o.value));
    for (const [value, label] of entries) {
      if (!have.has(value)) {
        select.appendChild(el('option', { value: value, text: label }));
      } else {
        for (const o of select.options) {
          if (o.value === value && value !== '') {
            o.textContent = label;
          }
        }
      }
    }
    select.value = state.source || '';
  }

  // ---------- trends ----------

  const DAY_MS = 24 * 3600 * 1000;

  function addDays(date, n) {
    return new Date(Date.parse(date + 'T00:00:00Z') + n * DAY_MS).toISOString().slice(0, 10);
  }

  /** The day the results are narrowed to (from/to one day apart), or null. */
  function selectedDay() {
    const from = state.from && state.from.slice(0, 10);
    const to = state.to && state.to.slice(0, 10);
    return from && to && addDays(from, 1) === to ? from : null;
  }

  /**
   * The charts cover the chosen range. A single chosen day (a clicked spike) would be a chart of
   * one bar, so then they cover the two weeks either side of it, with the day marked in the middle
   * (the spike baselines come from the weeks before the range anyway).
   */
  function trendRange() {
    const d = selectedDay();
    return d ? { from: addDays(d, -14), to: addDays(d, 15) } : { from: state.from, to: state.to };
  }

  async function loadTrends(seq) {
    const box = $('trend-charts');
    busy('trend-charts', true);
    let trends;
    try {
      const range = trendRange();
      const ask = (theme) =>
        getJson(
          '/api/trends?' +
            apiQuery(['q', 'source', 'kind'], { theme: theme, from: range.from, to: range.to, interval: 'day' })
        );
      if (state.q && !state.theme) {
        // Under a query the server draws one series for it; one request per theme keeps a chart
        // (and spikes) per theme.
        await themesReady;
        const parts = await Promise.all(themes.map((t) => ask(t.id)));
        trends = { series: parts.flatMap((p) => p.series || []) };
      } else {
        trends = await ask(state.theme);
      }
    } catch (e) {
      if (seq === loadSeq) {
        box.replaceChildren(el('p', { class: 'error', text: 'Trends failed: ' + e.message }));
        $('trend-why').textContent = '';
        busy('trend-charts', false);
      }
      return;
    }
    if (seq !== loadSeq) {
      return;
    }
    drawTrends(trends);
    busy('trend-charts', false);
  }

  function drawTrends(trends) {
    const box = $('trend-charts');
    box.replaceChildren();
    $('trend-why').textContent = '';
    const series = (trends.series || []).filter((s) => !state.theme || !s.theme || s.theme === state.theme);
    if (!series.length) {
      box.appendChild(el('p', { class: 'muted', text: 'No items in this range.' }));
      return;
    }
    for (const s of series) {
      box.appendChild(trendChart(s));
    }
  }

  function seriesLabel(series) {
    return series.theme ? themeLabel(series.theme) : 'Matches for \u201c' + (state.q || 'everything') + '\u201d';
  }

  function trendChart(series) {
    const points = series.points || [];
    const width = 300;
    const height = 64;
    const max = Math.max(1, ...points.map((p) => p.count || 0));
    const step = points.length ? width / points.length : width;
    const total = points.reduce((a, p) => a + (p.count || 0), 0);
    const spikes = points.filter((p) => p.spike).length;
    const chosen = selectedDay();
    const name = seriesLabel(series);
    // A group, not an image: the spikes inside are buttons a keyboard reaches with Tab.
    const chart = svg('svg', {
      viewBox: '0 0 ' + width + ' ' + (height + 8),
      class: 'trend',
      role: 'group',
      preserveAspectRatio: 'none',
      'aria-label': name + ': ' + total + ' items, ' + spikes + (spikes === 1 ? ' spike' : ' spikes'),
    });
    points.forEach((p, i) => {
      const h = ((p.count || 0) / max) * height;
      const cls = 'day' + (p.spike ? ' spike' : '') + (p.date === chosen ? ' chosen' : '');
      const g = svg('g', { class: cls, 'data-date': p.date, 'data-count': p.count || 0 });
      g.appendChild(svg('rect', { x: i * step, y: 0, width: step, height: height + 8, class: 'hit-area' }));
      g.appendChild(
        svg('rect', {
          x: i * step + step * 0.1,
          y: height + 8 - h,
          width: Math.max(1, step * 0.8),
          height: h,
          class: 'bar',
        })
      );
      const title = svg('title', {});
      title.textContent = why(series, p);
      g.appendChild(title);
      if (p.spike) {
        g.appendChild(svg('circle', { cx: i * step + step / 2, cy: Math.max(4, height + 8 - h - 4), r: 3, class: 'marker' }));
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button');
        g.setAttribute('aria-label', 'Spike: ' + why(series, p) + '. Press Enter to show that day.');
      }
      const show = () => showWhy(series, p);
      g.addEventListener('mouseenter', show);
      g.addEventListener('focus', show);
      g.addEventListener('click', () => filterDay(p.date));
      g.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          filterDay(p.date);
        }
      });
      chart.appendChild(g);
    });
    const first = points.length ? points[0].date : '';
    const last = points.length ? points[points.length - 1].date : '';
    const summary =
      ' ' + total + ' items' + (spikes ? ', ' + spikes + (spikes === 1 ? ' spike' : ' spikes') : '') + ', peak ' + max + '/day';
    return el(
      'figure',
      { class: 'trend-figure', 'data-theme': series.theme || '' },
      el(
        'figcaption',
        {},
        el('span', { class: 'trend-name', text: name }),
        el('span', { class: 'muted', text: summary }),
        chosen ? el('span', { class: 'chosen-day', text: ' \u00b7 ' + chosen + ' shown' }) : null
      ),
      chart,
      el('div', { class: 'axis' }, el('span', { text: first }), el('span', { text: last }))
    );
  }

  function why(series, p) {
    let text = seriesLabel(series) + ', ' + p.date + ': ' + (p.count || 0) + (p.count === 1 ? ' item' : ' items');
    const s = p.spike;
    if (s) {
      text += ' \u2014 spike';
      if (typeof s.baseline === 'number') {
        text += ' (usual ' + s.baseline.toFixed(1) + ')';
      }
      const sources = (s.topSources || []).map((x) => x.value + ' ' + x.count);
      if (sources.length) {
        text += '; top sources: ' + sources.join(', ');
      }
      const terms = (s.terms || []).slice(0, 6).map((x) => x.term);
      if (terms.length) {
        text += '; terms: ' + terms.join(', ');
      }
    }
    return text;
  }

  function showWhy(series, p) {
    const box = $('trend-why');
    box.replaceChildren(el('p', { text: why(series, p) }));
    const items = (p.spike && p.spike.topItems) || [];
    if (items.length) {
      const list = el('ul', {});
      for (const it of items.slice(0, 3)) {
        const title = it.title && it.title.trim() !== '' ? it.title : it.url || it.id;
        list.appendChild(el('li', {}, link(it.url, title)));
      }
      box.appendChild(list);
    }
    box.appendChild(el('p', { class: 'muted', text: 'Click the day (or press Enter) to show its items.' }));
  }

  /** Narrows the results to one day (from/to in the URL) and opens that day's briefing. */
  function filterDay(date) {
    state.from = date;
    state.to = addDays(date, 1);
    state.date = date;
    apply(true);
    $('hits').focus();
  }

  // ---------- briefing ----------

  async function loadBriefing() {
    const body = $('briefing-body');
    if (!state.date) {
      body.replaceChildren(el('p', { class: 'muted', text: 'Pick a day to read its briefing.' }));
      return;
    }
    body.replaceChildren(el('p', { class: 'muted', text: 'Loading the briefing\u2026' }));
    busy('briefing-body', true);
    const date = state.date;
    let digest;
    try {
      digest = await getJson('/api/digest?' + new URLSearchParams({ date: date, format: 'json' }));
    } catch (e) {
      if (date === state.date) {
        body.replaceChildren(el('p', { class: 'error', text: 'No briefing for ' + date + ': ' + e.message }));
        busy('briefing-body', false);
      }
      return;
    }
    if (date === state.date) {
      drawBriefing(digest);
      busy('briefing-body', false);
    }
  }

  function drawBriefing(digest) {
    const body = $('briefing-body');
    body.replaceChildren(el('h3', { class: 'briefing-date', text: 'Briefing for ' + digest.date + (digest.zone ? ' (' + digest.zone + ')' : '') }));
    const sections = (digest.themes || []).filter((t) => (t.stories || []).length);
    if (!sections.length) {
      body.appendChild(el('p', { class: 'muted', text: 'Nothing new on this day.' }));
      return;
    }
    for (const section of sections) {
      const block = el('section', { class: 'briefing-theme', 'data-theme': section.theme });
      block.appendChild(el('h4', { text: section.label || themeLabel(section.theme) }));
      for (const story of section.stories) {
        block.appendChild(storyNode(story));
      }
      body.appendChild(block);
    }
  }

  function storyNode(story) {
    const links = story.links || [];
    const bySite = new Map();
    for (const l of links) {
      if (l.site && !bySite.has(l.site)) {
        bySite.set(l.site, l);
      }
    }
    const node = el(
      'article',
      { class: 'story', 'data-id': story.id },
      el('h5', {}, story.headline || '', story.new ? el('span', { class: 'badge new', text: 'new' }) : null)
    );
    const dir = directionText(story.direction);
    const e = story.engagement;
    if (dir || (e && (e.points || e.comments))) {
      node.appendChild(
        el(
          'p',
          { class: 'meta' },
          dir ? el('span', { class: 'direction', text: dir }) : null,
          e && (e.points || e.comments) ? el('span', { text: engagementText(e.points, e.comments) }) : null
        )
      );
    }
    for (const sentence of story.summary || []) {
      const p = el('p', { class: 'summary' }, sentence.text || '');
      for (const site of sentence.sources || []) {
        const l = bySite.get(site);
        p.appendChild(document.createTextNode(' '));
        p.appendChild(el('span', { class: 'cite' }, '[', l ? link(l.url, site) : site, ']'));
      }
      node.appendChild(p);
    }
    if (links.length) {
      const list = el('ul', { class: 'story-links' });
      for (const l of links) {
        list.appendChild(
          el('li', {}, link(l.url, l.title || l.url), ' \u2014 ' + (l.site || '') + (l.role ? ' (' + l.role.toLowerCase() + ')' : ''))
        );
      }
      node.appendChild(list);
    }
    return node;
  }

  // ---------- sources view ----------

  async function loadSources() {
    const tbody = $('sources-table').querySelector('tbody');
    const status = $('sources-status');
    status.textContent = 'Loading\u2026';
    let sources;
    try {
      sources = await getJson('/api/sources');
    } catch (e) {
      status.textContent =
        e.status === 404
          ? 'This server does not poll sources; run "themewire run" to see their health.'
          : 'Source health failed: ' + e.message;
      tbody.replaceChildren();
      return;
    }
    const list = Array.isArray(sources) ? sources : sources.sources || [];
    const failing = list.filter((s) => s.consecutiveFailures > 0).length;
    status.textContent = list.length + ' sources, ' + failing + ' failing';
    tbody.replaceChildren(
      ...list.map((s) => {
        const ok = !s.consecutiveFailures;
        const err = s.lastError;
        return el(
          'tr',
          { class: ok ? 'ok' : 'failing' },
          el('td', {}, el('span', { class: 'source-name', text: s.name || s.location }), s.name ? el('span', { class: 'muted block', text: s.location }) : null),
          el('td', {}, el('span', { class: 'health ' + (ok ? 'ok' : 'failing'), text: ok ? 'ok' : 'failing \u00d7' + s.consecutiveFailures })),
          el('td', { text: String(s.itemsSeen || 0) }),
          el('td', { text: s.lastSuccess ? s.lastSuccess.replace('T', ' ').slice(0, 16) : 'never' }),
          el('td', { text: err ? err.reason + ': ' + (err.message || '') : '' }),
          el('td', { text: s.nextPoll ? s.nextPoll.replace('T', ' ').slice(0, 16) : '' })
        );
      })
    );
  }

  // ---------- wiring ----------

  function showView() {
    const sources = state.view === 'sources';
    $('search-view').hidden = sources;
    $('sources-view').hidden = !sources;
    $('nav-search').setAttribute('aria-current', sources ? 'false' : 'page');
    $('nav-sources').setAttribute('aria-current', sources ? 'page' : 'false');
  }

  let briefingShown = null;

  function apply(push) {
    writeState(push);
    syncForm();
    showView();
    if (state.view === 'sources') {
      loadSources();
      return;
    }
    runSearch();
    if (state.date !== briefingShown) {
      briefingShown = state.date;
      loadBriefing();
    }
  }

  function readForm() {
    state.q = $('q').value.trim() || undefined;
    state.from = $('from').value || undefined;
    state.to = $('to').value || undefined;
    state.source = $('source').value || undefined;
    state.kind = $('kind').value || undefined;
    state.sort = $('sort').value || undefined;
  }

  async function start() {
    $('search-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      readForm();
      apply(true);
    });
    for (const id of ['from', 'to', 'source', 'kind', 'sort']) {
      $(id).addEventListener('change', () => {
        readForm();
        apply(true);
      });
    }
    $('clear').addEventListener('click', () => {
      state = { q: state.q, date: state.date };
      apply(true);
    });
    $('more').addEventListener('click', loadMore);
    $('briefing-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      state.date = $('date').value || undefined;
      apply(true);
    });
    for (const a of document.querySelectorAll('nav a[data-view]')) {
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        state.view = a.dataset.view === 'sources' ? 'sources' : undefined;
        apply(true);
      });
    }
    document.addEventListener('keydown', (ev) => {
      const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement;
      if (ev.key === '/' && !typing) {
        ev.preventDefault();
        $('q').focus();
      } else if (ev.key === 'Escape') {
        $('trend-why').textContent = '';
      }
    });
    window.addEventListener('popstate', () => {
      state = readState();
      apply(false);
    });
    syncForm();
    showView();
    // The themes (labels, chip order) and the first search are asked for at once.
    themesReady = getJson('/api/themes').then(
      (t) => {
        themes = t.themes || [];
      },
      (e) => setStatus('Could not load the themes: ' + e.message, true)
    );
    apply(false);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
