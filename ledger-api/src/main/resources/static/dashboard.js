// The public pages: the front page (treaty cards, the selected treaty), a treaty's page
// (/treaties/{id}, with its table on any legal date), a State's page (/participants/{code}) and the
// depositary notifications (/notifications), in English or French (/fr/...). One HTML document;
// the path says which page to render, the history API moves between them. Data come from the REST
// API, one request per page; texts from the message bundles (/api/pages/messages). The page
// subscribes to /api/events/stream and re-reads what an event changes. Every text goes through
// textContent, never parsed as HTML.
(() => {
  'use strict';

  const EVENT_TYPES = [
    'TREATY_REGISTERED', 'SIGNATURE', 'INSTRUMENT', 'DENUNCIATION',
    'COMMUNICATION', 'CORRECTION', 'RETRACTION'
  ];
  const DAY = 86400000;

  const state = {
    lang: 'en',
    messages: {},
    route: { view: 'home' },
    treaties: new Map(),   // id -> TreatyStatusView (today)
    order: [],             // ids in the order the API lists them
    selected: null,        // id of the treaty shown in detail
    page: null,            // the treaty page's data (/api/pages/treaties/{id})
    participants: [],      // ParticipantView[] of the treaty shown
    chart: null,
    pending: new Map()     // key -> timer of a scheduled refresh
  };

  const $ = (id) => document.getElementById(id);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (value === undefined || value === null) return;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      // through the CSSOM: the Content-Security-Policy refuses style attributes (style-src 'self')
      else if (key === 'style') node.style.cssText = value;
      else node.setAttribute(key, value);
    });
    children.flat().forEach((child) => {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    });
    return node;
  }

  // data are read fresh; the message bundles may come from the browser's cache
  async function getJson(url, cache) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: cache || 'no-store' });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  }

  // ---- language

  // a message of the bundle with its {0}, {1}… filled in
  function t(key, ...args) {
    const text = state.messages[key];
    if (text === undefined) return key;
    return text.replace(/\{(\d+)\}/g, (_, i) => (args[Number(i)] === undefined ? '' : String(args[Number(i)])));
  }

  // "1 reservation", "2 reservations": the singular key, or its plural with an s
  function count(key, n) {
    return t(n === 1 ? key : `${key}s`, n);
  }

  // a path of this site in the page's language
  function href(path) {
    return state.lang === 'fr' ? `/fr${path === '/' ? '/' : path}` : path;
  }

  function applyStaticTexts() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll('[data-i18n]').forEach((node) => {
      const text = state.messages[node.dataset.i18n];
      if (text !== undefined) node.textContent = text;
    });
    document.querySelectorAll('[data-i18n-label]').forEach((node) => {
      const text = state.messages[node.dataset.i18nLabel];
      if (text !== undefined) node.setAttribute('aria-label', text);
    });
    $('name-filter').placeholder = t('filter.placeholder');
    $('as-of').placeholder = t('asof.format');
    $('as-of').lang = state.lang;
    $('timeline-chart').setAttribute('aria-label', t('chart.label'));
    document.querySelectorAll('a[data-route]').forEach((a) => {
      if (!a.dataset.path) a.dataset.path = a.getAttribute('href');
      a.setAttribute('href', href(a.dataset.path));
    });
  }

  function updateLanguageSwitch() {
    const link = $('lang-switch');
    const path = location.pathname.replace(/^\/fr(\/|$)/, '/');
    const other = state.lang === 'fr' ? 'en' : 'fr';
    link.setAttribute('href', (other === 'fr' ? `/fr${path === '/' ? '/' : path}` : path) + location.search + location.hash);
    link.setAttribute('hreflang', other);
    link.setAttribute('lang', other);
    link.textContent = other === 'fr' ? 'Français' : 'English';
  }

  // ---- dates, "10 Jan 2026" (English) or "10 janv. 2026" (French), whatever the browser's locale

  function dayNumber(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y, m - 1, d) / DAY;
  }

  function isoOf(day) {
    return new Date(Math.round(day) * DAY).toISOString().slice(0, 10);
  }

  // "1er" for the first of the month in French, as the depositary writes it
  function dayOfMonth(date) {
    const day = date.getUTCDate();
    return state.lang === 'fr' && day === 1 ? '1er' : String(day);
  }

  // "1st", "2nd", "23rd", "11th"; in French "1er", then "2e", "3e"…
  function ordinal(n) {
    if (state.lang === 'fr') return n === 1 ? '1er' : `${n}e`;
    const tens = n % 100;
    const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th');
    return `${n}${suffix}`;
  }

  // ---- the as-of date as typed: ISO (2025-03-01) in English, jj/mm/aaaa (01/03/2025) in French,
  // ISO accepted in both; a browser's <input type=date> would follow the browser's locale instead

  function typedDate(iso) {
    if (!iso) return '';
    const [y, m, d] = iso.split('-');
    return state.lang === 'fr' ? `${d}/${m}/${y}` : iso;
  }

  // the ISO date typed, or null when it is no date of the calendar
  function parseTyped(text) {
    const value = text.trim();
    let match = value.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
    let y, m, d;
    if (match) [, y, m, d] = match.map(Number);
    else if (state.lang === 'fr' && (match = value.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/))) [, d, m, y] = match.map(Number);
    else return null;
    const date = new Date(Date.UTC(y, m - 1, d));
    if (y < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  function formatDay(day) {
    const date = new Date(Math.round(day) * DAY);
    const months = t('months.short').split(',');
    return `${dayOfMonth(date)} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }

  function formatDate(iso) {
    return iso ? formatDay(dayNumber(iso)) : '';
  }

  // "25 October 2025" / "25 octobre 2025", as notifications write dates
  function longDate(iso) {
    if (!iso) return '';
    const date = new Date(dayNumber(iso) * DAY);
    const months = t('months.long').split(',');
    return `${dayOfMonth(date)} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }

  function showError(message) {
    const box = $('load-error');
    box.hidden = !message;
    box.textContent = message || '';
  }

  function statusLabel(status) {
    return t(`status.${status}`);
  }

  function participantName(p) {
    return p.name;
  }

  // ---- routing

  function parseRoute() {
    let path = location.pathname;
    state.lang = /^\/fr(\/|$)/.test(path) ? 'fr' : 'en';
    const query = new URLSearchParams(location.search);
    if (query.get('lang') === 'fr' || query.get('lang') === 'en') state.lang = query.get('lang');
    path = path.replace(/^\/fr(?=\/|$)/, '') || '/';
    let match = path.match(/^\/treaties\/([^/]+)\/?$/);
    if (match) return { view: 'treaty', id: decodeURIComponent(match[1]), asOf: query.get('asOf') || null };
    match = path.match(/^\/participants\/([^/]+)\/?$/);
    if (match) return { view: 'participant', code: decodeURIComponent(match[1]).toUpperCase() };
    if (/^\/notifications\/?$/.test(path)) {
      return {
        view: 'notifications',
        treaty: query.get('treaty') || '',
        participant: query.get('participant') || '',
        year: query.get('year') || '',
        action: query.get('action') || ''
      };
    }
    return { view: 'home' };
  }

  function navigate(path) {
    history.pushState(null, '', path);
    render().catch((error) => showError(error.message));
  }

  // internal links move in place; the browser's back and forward buttons work as usual
  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest('a[data-route]');
    if (!link) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  }

  function showView(view) {
    $('view-home').hidden = view !== 'home';
    $('view-participant').hidden = view !== 'participant';
    $('view-notifications').hidden = view !== 'notifications';
    $('treaty-detail').hidden = !(view === 'treaty' || (view === 'home' && state.selected));
    $('detail-head').hidden = view !== 'home';
    $('treaty-page-head').hidden = view !== 'treaty';
    document.querySelectorAll('[data-nav]').forEach((a) => {
      const current = a.dataset.nav === view || (a.dataset.nav === 'home' && view === 'treaty');
      if (current) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }

  async function render() {
    const route = parseRoute();
    const languageChanged = !state.messages.site || state.loadedLang !== state.lang;
    state.route = route;
    if (languageChanged) {
      state.messages = await getJson(`/api/pages/messages?lang=${state.lang}`, 'default');
      state.loadedLang = state.lang;
      applyStaticTexts();
    }
    updateLanguageSwitch();
    showError(null);
    if (route.view === 'treaty') {
      showView('treaty');
      await loadTreatyPage();
    } else if (route.view === 'participant') {
      showView('participant');
      await loadParticipantPage();
    } else if (route.view === 'notifications') {
      showView('notifications');
      await loadNotifications();
    } else {
      document.title = t('home.title');
      await loadHome();
      showView('home');
    }
    // when the page's content is in the document, for the browser's own timing (tests read it)
    if (window.performance && performance.mark) performance.mark('ledger:rendered');
  }

  // ---- milestone wording, shared by the cards and the treaty

  function milestone(treaty) {
    if (treaty.inForce) {
      return { kind: 'in-force', text: t('milestone.inForce', formatDate(treaty.entryIntoForceOn)) };
    }
    if (treaty.thresholdReachedOn) {
      return {
        kind: 'reached',
        text: t('milestone.reached', formatDate(treaty.thresholdReachedOn), formatDate(treaty.entryIntoForceOn))
      };
    }
    const missing = Math.max(0, treaty.instrumentsRequired - treaty.instrumentsCounted);
    return { kind: 'missing', text: t(missing === 1 ? 'milestone.missingOne' : 'milestone.missing', missing) };
  }

  // ---- front page: treaty cards

  function renderCard(treaty) {
    const percent = Math.min(100, Math.round(100 * treaty.instrumentsCounted / Math.max(1, treaty.instrumentsRequired)));
    const stone = milestone(treaty);
    const bar = el('div', { class: 'bar' });
    bar.style.width = `${percent}%`;
    const card = el('article', {
      class: 'treaty-card', tabindex: '0', 'data-treaty-id': treaty.id,
      'aria-current': String(treaty.id === state.selected)
    },
    el('p', { class: 'ref', text: treaty.reference }),
    el('h2', { title: treaty.title, text: treaty.shortTitle || treaty.title }),
    treaty.shortTitle && treaty.shortTitle !== treaty.title
      ? el('p', { class: 'card-full-title', 'data-field': 'full-title', title: treaty.title, text: treaty.title })
      : null,
    el('div', {
      class: 'progress', role: 'progressbar', 'aria-label': t('card.progress'),
      'aria-valuemin': '0', 'aria-valuemax': String(treaty.instrumentsRequired),
      'aria-valuenow': String(treaty.instrumentsCounted), 'data-reached': String(!!treaty.thresholdReachedOn)
    }, bar),
    el('p', { class: 'progress-label' },
      el('strong', { 'data-field': 'counted', text: treaty.instrumentsCounted }),
      ` ${t('card.of')} `, el('span', { 'data-field': 'required', text: treaty.instrumentsRequired }),
      ` ${t('card.instruments')}`),
    el('p', { class: 'milestone', 'data-field': 'milestone', 'data-kind': stone.kind, text: stone.text }),
    el('dl', { class: 'counts' },
      el('div', {}, el('dt', { text: t('facts.signatories') }), el('dd', { 'data-field': 'signatories', text: treaty.signatories })),
      el('div', {}, el('dt', { text: t('card.contracting') }), el('dd', { 'data-field': 'contracting', text: treaty.contracting })),
      el('div', {}, el('dt', { text: t('facts.parties') }), el('dd', { 'data-field': 'parties', text: treaty.parties }))));
    card.addEventListener('click', () => select(treaty.id));
    card.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(treaty.id);
      }
    });
    return card;
  }

  function cardOf(id) {
    return Array.from(document.querySelectorAll('.treaty-card')).find((card) => card.dataset.treatyId === id);
  }

  function renderCards() {
    const grid = $('treaties');
    grid.replaceChildren();
    if (state.order.length === 0) {
      grid.append(el('p', { class: 'placeholder', id: 'treaties-empty', text: t('home.none') }));
      return;
    }
    state.order.forEach((id) => grid.append(renderCard(state.treaties.get(id))));
  }

  function updateCard(treaty, flash) {
    const fresh = renderCard(treaty);
    const old = cardOf(treaty.id);
    if (old) old.replaceWith(fresh);
    else {
      $('treaties-empty')?.remove();
      $('treaties').append(fresh);
    }
    if (flash) fresh.classList.add('flash');
  }

  // a treaty as a reader names it: its short title in the page's language, else its title
  function treatyName(treaty) {
    return treaty.shortTitle || treaty.title || treaty.reference;
  }

  // the cards' status lines, each with its titles in the page's language (the short one as heading)
  async function getCards() {
    const cards = await getJson(`/api/pages/treaties?lang=${state.lang}`);
    return cards.map((card) => ({ ...card.treaty, shortTitle: card.shortTitle, title: card.title || card.treaty.title }));
  }

  async function loadHome() {
    const treaties = await getCards();
    state.treaties = new Map(treaties.map((t) => [t.id, t]));
    state.order = treaties.map((t) => t.id);
    if (!state.treaties.has(state.selected)) {
      const wanted = new URLSearchParams(location.hash.slice(1)).get('treaty');
      state.selected = state.treaties.has(wanted) ? wanted : state.order[0] || null;
    }
    renderCards();
    await loadSelected();
  }

  async function loadSelected() {
    if (!state.selected) {
      $('treaty-detail').hidden = true;
      return;
    }
    const id = state.selected;
    const page = await getJson(`/api/pages/treaties/${encodeURIComponent(id)}?lang=${state.lang}`);
    if (id !== state.selected || state.route.view !== 'home') return;
    state.page = page;
    state.participants = page.participants;
    $('treaty-detail').hidden = false;
    renderDetail();
  }

  function select(id) {
    if (id === state.selected) return;
    state.selected = id;
    history.replaceState(null, '', `${href('/')}#treaty=${encodeURIComponent(id)}`);
    updateLanguageSwitch();
    document.querySelectorAll('.treaty-card').forEach((card) => {
      card.setAttribute('aria-current', String(card.dataset.treatyId === id));
    });
    state.participants = [];
    loadSelected().catch((error) => showError(error.message));
  }

  // ---- the treaty page

  async function loadTreatyPage() {
    const route = state.route;
    const query = route.asOf ? `&asOf=${encodeURIComponent(route.asOf)}` : '';
    const page = await getJson(`/api/pages/treaties/${encodeURIComponent(route.id)}?lang=${state.lang}${query}`);
    if (state.route !== route) return;
    state.page = page;
    state.participants = page.participants;
    renderDetail();
  }

  function renderDetail() {
    const page = state.page;
    const treaty = page.treaty;
    const section = $('treaty-detail');
    section.hidden = false;
    section.dataset.treatyId = treaty.id;
    const stone = milestone(treaty);
    // the titles in the page's language (treaty.title is the English one)
    const title = page.title || treaty.title;
    const shortTitle = page.shortTitle || title;
    const id = encodeURIComponent(treaty.id);
    // front page: the header of the selected treaty
    $('detail-reference').textContent = treaty.reference;
    $('detail-title').textContent = shortTitle;
    $('detail-full-title').hidden = shortTitle === title;
    $('detail-full-title').textContent = title;
    $('detail-page-link').setAttribute('href', href(`/treaties/${id}`));
    $('detail-milestone').textContent = stone.text;
    $('detail-milestone').dataset.kind = stone.kind;
    // treaty page: its own heading, the as-of form, downloads
    if (state.route.view === 'treaty') {
      document.title = `${shortTitle} · ${t('site')}`;
      $('page-reference').textContent = treaty.reference;
      $('page-title').textContent = shortTitle;
      $('page-full-title').textContent = title;
      $('page-full-title').hidden = shortTitle === title;
      $('page-milestone').textContent = stone.text;
      $('page-milestone').dataset.kind = stone.kind;
      showAsOf(treaty.asOf);
      const past = page.past;
      $('past-view').hidden = !past;
      $('past-view').textContent = past ? t('asof.past', longDate(treaty.asOf), longDate(page.today)) : '';
      section.classList.toggle('past', past);
      $('as-of-today').hidden = !state.route.asOf;
      $('as-of-today').setAttribute('href', href(`/treaties/${id}`));
      const asOf = `asOf=${encodeURIComponent(treaty.asOf)}`;
      $('download-csv').setAttribute('href', `/api/pages/treaties/${id}/participants.csv?${asOf}`);
      $('download-json').setAttribute('href', `/api/pages/treaties/${id}?${asOf}`);
      $('download-json').setAttribute('download', `${treaty.id}-${treaty.asOf}.json`);
      $('treaty-notifications').setAttribute('href', href(`/notifications?treaty=${id}`));
      $('treaty-notifications').textContent = t('treaty.notifications', page.notifications);
      $('treaty-feed').setAttribute('href', `/feeds/treaties/${id}/notifications.atom`);
    }

    const facts = [
      ['counted', t('facts.counted'), t('facts.countedValue', treaty.instrumentsCounted, treaty.instrumentsRequired)],
      ['deposited', t('facts.deposited'), treaty.instrumentsDeposited],
      ['signatories', t('facts.signatories'), treaty.signatories],
      ['contracting', t('facts.contracting'), treaty.contracting],
      ['parties', t('facts.parties'), treaty.parties],
      ['threshold', t('facts.threshold'), treaty.thresholdReachedOn ? formatDate(treaty.thresholdReachedOn) : t('facts.notYet')],
      ['eif', t('facts.eif'), treaty.entryIntoForceOn ? formatDate(treaty.entryIntoForceOn) : t('facts.notDetermined')],
      ['signature', t('facts.signature'), treaty.openForSignature ? t('facts.open') : t('facts.closed')],
      ['asOf', t('facts.asOf'), formatDate(treaty.asOf)]
    ];
    $('detail-facts').replaceChildren(...facts.flatMap(([key, term, value]) => [
      el('dt', { text: term }), el('dd', { 'data-fact': key, text: value })
    ]));
    $('eif-explanation').textContent = explanation(treaty, page.entryIntoForce);
    renderChart(treaty, page);
    renderTable();
    renderTexts();
  }

  // the ledger's own explanation in English; in French the same facts from the bundle
  function explanation(treaty, clause) {
    if (state.lang === 'en' || !clause) return treaty.explanation || '';
    const rule = t('eif.rule', ordinal(clause.daysAfterThreshold), ordinal(clause.instrumentsRequired));
    if (!treaty.thresholdReachedOn) {
      return t('eif.pending', rule, treaty.instrumentsCounted, treaty.instrumentsRequired);
    }
    const who = state.participants.find((p) => p.participant === treaty.thresholdParticipant);
    return t(treaty.inForce ? 'eif.inForce' : 'eif.reached', longDate(treaty.entryIntoForceOn), rule,
      longDate(treaty.thresholdReachedOn), who ? who.name : (treaty.thresholdParticipant || ''),
      ordinal(clause.daysAfterLaterInstrument));
  }

  // cumulative counts by day as steps, from the opening for signature to the date shown
  function steps(dates, fromDay, untilDay) {
    const counts = new Map();
    dates.forEach((iso) => {
      const day = dayNumber(iso);
      counts.set(day, (counts.get(day) || 0) + 1);
    });
    let total = 0;
    const points = [{ x: fromDay, y: 0 }];
    Array.from(counts.keys()).sort((a, b) => a - b).forEach((day) => {
      total += counts.get(day);
      points.push({ x: day, y: total });
    });
    points.push({ x: Math.max(untilDay, points[points.length - 1].x), y: total });
    return points;
  }

  function renderChart(treaty, page) {
    if (!window.Chart) return;
    const asOfDay = dayNumber(treaty.asOf);
    // the instruments the treaty's rules count (the ledger lists them: a REIO's or an uncounted kind is not)
    const counted = (page.counted || []).map((c) => c.depositedOn);
    const signed = state.participants.filter((p) => p.signedOn).map((p) => p.signedOn);
    const known = counted.concat(signed).map(dayNumber);
    const opening = page.opensForSignatureOn ? dayNumber(page.opensForSignatureOn)
      : (known.length ? Math.min(...known) : asOfDay - 30);
    const from = Math.min(opening, ...known);
    const datasets = [
      {
        label: t('chart.instruments'), data: steps(counted, from, asOfDay), stepped: true, borderColor: '#1f5fa8',
        backgroundColor: 'rgba(31, 95, 168, 0.12)', fill: true, pointRadius: 0, borderWidth: 2, order: 2
      },
      {
        label: t('chart.signatures'), data: steps(signed, from, asOfDay), stepped: true, borderColor: '#6b7f94',
        backgroundColor: 'transparent', pointRadius: 0, borderWidth: 2, order: 1
      },
      {
        label: t('chart.required', treaty.instrumentsRequired),
        data: [{ x: from, y: treaty.instrumentsRequired }, { x: asOfDay, y: treaty.instrumentsRequired }],
        borderColor: '#b03a2e', borderDash: [6, 4], pointRadius: 0, borderWidth: 2, fill: false,
        // drawn last (a lower order is drawn over a higher one): a series that reaches the threshold
        // runs along it without hiding it
        order: 0
      }
    ];
    const range = { min: from, max: Math.max(asOfDay, from + 1) };
    if (state.chart) {
      state.chart.data.datasets = datasets;
      Object.assign(state.chart.options.scales.x, range);
      state.chart.options.scales.y.title.text = t('chart.count');
      state.chart.update('none');
      return;
    }
    state.chart = new window.Chart($('timeline-chart'), {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: { type: 'linear', ...range, ticks: { callback: (value) => formatDay(value), maxTicksLimit: 6 } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('chart.count') } }
        },
        plugins: {
          // the legend in the datasets' order, not their drawing order
          legend: { position: 'bottom', labels: { boxWidth: 14, sort: (a, b) => a.datasetIndex - b.datasetIndex } },
          tooltip: { callbacks: { title: (items) => items.length ? formatDay(items[0].parsed.x) : '' } }
        }
      }
    });
  }

  function participantLink(code, name) {
    return el('a', { href: href(`/participants/${encodeURIComponent(code)}`), 'data-route': '', text: name });
  }

  // the UNTC letter printed after a date (d: succession, A: acceptance, …), or nothing
  function letter(value) {
    return value ? el('span', { class: 'letter', text: value }) : null;
  }

  // a row's acknowledged irregularities as footnote marks, numbered in the order of the rows shown
  function footnoteMarks(p, footnotes) {
    return (p.irregularities || []).map((irregularity) => {
      const number = footnotes.length + 1;
      footnotes.push({ number, name: participantName(p), ...irregularity });
      return el('sup', { class: 'footnote' }, el('a', { href: `#irregularity-${number}`, text: String(number) }));
    });
  }

  function textsSummary(p) {
    const parts = [];
    if (p.signaturePredecessor) parts.push(t('texts.signatureSuccession', p.signaturePredecessor));
    if (p.declarations && p.declarations.length) parts.push(count('texts.declaration', p.declarations.length));
    if (p.reservations && p.reservations.length) parts.push(count('texts.reservation', p.reservations.length));
    if (p.territories && p.territories.length) parts.push(t('texts.territories', p.territories.join(', ')));
    if (p.denunciationReceivedOn) parts.push(t('texts.denunciation', formatDate(p.denunciationEffectiveOn)));
    if (p.instrument && p.instrument.predecessor) parts.push(t('texts.succession', p.instrument.predecessor));
    return parts.join(' · ');
  }

  function renderTable() {
    const status = $('status-filter').value;
    const search = $('name-filter').value.trim().toLowerCase();
    const footnotes = [];
    const rows = state.participants
      .filter((p) => !status || p.status === status)
      .filter((p) => !search || p.name.toLowerCase().includes(search) || p.participant.toLowerCase().includes(search))
      .map((p) => {
        const row = el('tr', { 'data-participant': p.participant, 'data-status': p.status, class: 'clickable' },
          el('th', { scope: 'row', 'data-column': 'participant' },
            participantLink(p.participant, participantName(p)), el('span', { class: 'code', text: p.participant }),
            ...footnoteMarks(p, footnotes)),
          el('td', { 'data-column': 'signature' }, formatDate(p.signedOn), letter(p.signatureLetter)),
          el('td', { 'data-column': 'instrument' },
            p.instrument ? formatDate(p.instrument.depositedOn) : '', letter(p.instrument && p.instrument.letter)),
          el('td', { 'data-column': 'entry-into-force', text: formatDate(p.entryIntoForceOn) }),
          el('td', { 'data-column': 'status' },
            el('span', { class: 'badge', 'data-status': p.status, text: statusLabel(p.status) })),
          el('td', { 'data-column': 'texts', text: textsSummary(p) }));
        row.addEventListener('click', (event) => {
          if (!event.target.closest('a')) navigate(href(`/participants/${encodeURIComponent(p.participant)}`));
        });
        return row;
      });
    $('participants-body').replaceChildren(...rows);
    $('participants-empty').hidden = rows.length > 0;
    $('irregularities-list').replaceChildren(...footnotes.map((f) => el('li', { id: `irregularity-${f.number}`, 'data-code': f.code },
      el('span', { class: 'irregularity-row', text: `${f.name}, ${t(`event.${f.action}`)}: ` }),
      el('span', { class: 'code', text: f.code }), ` ${f.note}`)));
    $('irregularities').hidden = footnotes.length === 0;
    $('participants-count').textContent = rows.length === state.participants.length
      ? `(${rows.length})` : `(${t('table.countOf', rows.length, state.participants.length)})`;
  }

  // objection clock: the days left to object to a reservation, or that the period has closed
  function objectionClock(reservation, asOf) {
    if (!reservation.objectionPeriodEndsOn) return '';
    const left = dayNumber(reservation.objectionPeriodEndsOn) - dayNumber(asOf);
    return left >= 0
      ? t('objection.open', longDate(reservation.objectionPeriodEndsOn), left)
      : t('objection.closed', longDate(reservation.objectionPeriodEndsOn));
  }

  function textList(label, texts, kind) {
    if (!texts || texts.length === 0) return null;
    return el('div', { class: 'text-group', 'data-kind': kind },
      el('p', { class: 'text-label', text: label }),
      el('ul', {}, texts.map((text) => el('li', { class: 'quoted', text }))));
  }

  function renderTexts() {
    const page = state.page;
    const byAuthor = new Map();
    (page.reservations || []).forEach((r) => {
      if (!byAuthor.has(r.participant)) byAuthor.set(r.participant, []);
      byAuthor.get(r.participant).push(r);
    });
    const names = new Map(state.participants.map((p) => [p.participant, participantName(p)]));
    const blocks = state.participants
      .filter((p) => (p.declarations && p.declarations.length) || (p.reservations && p.reservations.length)
        || (p.territories && p.territories.length) || p.denunciationReceivedOn || byAuthor.has(p.participant))
      .map((p) => el('article', { class: 'texts', 'data-participant': p.participant },
        el('h3', {}, participantLink(p.participant, participantName(p))),
        textList(t('texts.declarationsLabel'), p.declarations, 'declarations'),
        (byAuthor.get(p.participant) || []).map((r) => el('div', {
          class: 'text-group reservation', 'data-kind': 'reservation', 'data-withdrawn': String(r.withdrawn)
        },
        el('p', { class: 'text-label' }, t('texts.reservationOf', longDate(r.madeOn)),
          r.withdrawn ? el('span', { class: 'note', text: ` ${t('texts.withdrawn')}` }) : null),
        el('ul', {}, (r.texts || []).map((text) => el('li', { class: 'quoted', text }))),
        el('p', { class: 'clock', 'data-field': 'objection-clock', text: objectionClock(r, page.treaty.asOf) }),
        (r.objections || []).length
          ? el('ul', { class: 'objections' }, r.objections.map((o) => el('li', { 'data-objector': o.participant },
            t(o.timely ? 'objection.by' : 'objection.late', names.get(o.participant) || o.participant, longDate(o.madeOn)),
            o.text ? el('span', { class: 'quoted block', text: o.text }) : null)))
          : null)),
        byAuthor.has(p.participant) ? null : textList(t('texts.reservationsLabel'), p.reservations, 'reservations'),
        textList(t('texts.territoriesLabel'), p.territories, 'territories'),
        p.denunciationReceivedOn
          ? el('p', { class: 'note', text: t('texts.denunciationNote', longDate(p.denunciationReceivedOn), longDate(p.denunciationEffectiveOn)) })
          : null));
    $('texts-body').replaceChildren(...(blocks.length ? blocks : [el('p', { class: 'placeholder', text: t('texts.none') })]));
  }

  // ---- the State page

  async function loadParticipantPage() {
    const route = state.route;
    const data = await getJson(`/api/pages/participants/${encodeURIComponent(route.code)}?lang=${state.lang}`);
    if (state.route !== route) return;
    const name = data.name;
    document.title = `${name} · ${t('site')}`;
    $('participant-code').textContent = data.participant;
    $('participant-title').textContent = name;
    $('participant-caption').textContent = t('participant.caption', name, formatDate(data.asOf));
    $('participant-notifications').setAttribute('href', href(`/notifications?participant=${encodeURIComponent(data.participant)}`));
    const rows = data.treaties.map((entry) => {
      const p = entry.row;
      const link = href(`/treaties/${encodeURIComponent(entry.id)}`);
      const row = el('tr', { 'data-treaty-id': entry.id, 'data-status': p.status, class: 'clickable' },
        el('th', { scope: 'row' }, el('a', { href: link, 'data-route': '', text: entry.shortTitle || entry.title }),
          el('span', { class: 'code', text: entry.reference })),
        el('td', { 'data-column': 'signature' }, formatDate(p.signedOn), letter(p.signatureLetter)),
        el('td', { 'data-column': 'instrument' },
          p.instrument ? formatDate(p.instrument.depositedOn) : '', letter(p.instrument && p.instrument.letter)),
        el('td', { 'data-column': 'entry-into-force', text: formatDate(p.entryIntoForceOn) }),
        el('td', { 'data-column': 'status' },
          el('span', { class: 'badge', 'data-status': p.status, text: statusLabel(p.status) })));
      row.addEventListener('click', (event) => {
        if (!event.target.closest('a')) navigate(link);
      });
      return row;
    });
    $('participant-body').replaceChildren(...rows);
    $('participant-empty').hidden = rows.length > 0;
    const texts = data.treaties
      .filter((e) => e.row.declarations.length || e.row.reservations.length || e.row.territories.length || e.row.denunciationReceivedOn)
      .map((e) => el('article', { class: 'texts', 'data-treaty-id': e.id },
        el('h3', {}, el('a', { href: href(`/treaties/${encodeURIComponent(e.id)}`), 'data-route': '', text: e.shortTitle || e.title })),
        textList(t('texts.declarationsLabel'), e.row.declarations, 'declarations'),
        textList(t('texts.reservationsLabel'), e.row.reservations, 'reservations'),
        textList(t('texts.territoriesLabel'), e.row.territories, 'territories'),
        e.row.denunciationReceivedOn
          ? el('p', { class: 'note', text: t('texts.denunciationNote', longDate(e.row.denunciationReceivedOn), longDate(e.row.denunciationEffectiveOn)) })
          : null));
    $('participant-texts').replaceChildren(...(texts.length ? texts : [el('p', { class: 'placeholder', text: t('texts.none') })]));
  }

  // ---- notifications

  async function loadNotifications() {
    const route = state.route;
    document.title = `${t('notifications.title')} · ${t('site')}`;
    const query = new URLSearchParams();
    ['treaty', 'participant', 'year', 'action'].forEach((key) => {
      if (route[key]) query.set(key, route[key]);
    });
    query.set('lang', state.lang);
    const [list, treaties] = await Promise.all([
      getJson(`/api/notifications?${query}`),
      state.treaties.size ? Promise.resolve(null) : getCards()
    ]);
    if (state.route !== route) return;
    if (treaties) {
      state.treaties = new Map(treaties.map((x) => [x.id, x]));
      state.order = treaties.map((x) => x.id);
    }
    const select = $('nf-treaty');
    select.replaceChildren(el('option', { value: '', text: t('filter.all') }),
      ...state.order.map((id) => el('option', { value: id, text: treatyName(state.treaties.get(id)) })));
    select.value = route.treaty;
    $('nf-participant').value = route.participant;
    $('nf-year').value = route.year;
    $('nf-action').value = route.action;
    $('notifications-feed').setAttribute('href', route.treaty
      ? `/feeds/treaties/${encodeURIComponent(route.treaty)}/notifications.atom` : '/feeds/notifications.atom');
    $('notifications-count').textContent = t('notifications.count', list.length);
    const items = list.map((n) => el('article', {
      class: 'notification', id: n.reference, 'data-reference': n.reference, 'data-action': n.action,
      'data-treaty-id': n.treatyId, 'data-participant': n.participant
    },
    el('h2', { text: n.subject }),
    el('p', { class: 'meta' },
      el('span', { class: 'reference', text: n.reference }), ' · ',
      el('span', { 'data-field': 'date', text: longDate(n.legalDate) }), ' · ',
      el('a', { href: href(`/treaties/${encodeURIComponent(n.treatyId)}`), 'data-route': '',
        text: state.treaties.has(n.treatyId) ? treatyName(state.treaties.get(n.treatyId)) : n.treatyId }),
      n.participant ? ' · ' : null,
      n.participant ? participantLink(n.participant, n.participantName) : null),
    el('p', { class: 'notification-text', text: n.text }),
    n.headHash ? el('p', { class: 'hash' }, `${t('notifications.hash')} `, el('code', { text: n.headHash })) : null));
    $('notifications-list').replaceChildren(...(items.length ? items : [el('p', { class: 'placeholder', text: t('notifications.none') })]));
  }

  function onFilter(event) {
    event.preventDefault();
    const query = new URLSearchParams();
    [['treaty', 'nf-treaty'], ['participant', 'nf-participant'], ['year', 'nf-year'], ['action', 'nf-action']]
      .forEach(([key, id]) => {
        const value = $(id).value.trim();
        if (value) query.set(key, key === 'participant' ? value.toUpperCase() : value);
      });
    const search = query.toString();
    navigate(href('/notifications') + (search ? `?${search}` : ''));
  }

  function showAsOf(iso) {
    const input = $('as-of');
    input.value = typedDate(iso);
    input.removeAttribute('aria-invalid');
    $('as-of-error').hidden = true;
    $('as-of-error').textContent = '';
  }

  function onAsOf(event) {
    event.preventDefault();
    if (state.route.view !== 'treaty') return;
    const input = $('as-of');
    const value = parseTyped(input.value);
    if (!value) {
      input.setAttribute('aria-invalid', 'true');
      $('as-of-error').textContent = t('asof.invalid', input.value.trim(), t('asof.format'));
      $('as-of-error').hidden = false;
      input.focus();
      return;
    }
    navigate(href(`/treaties/${encodeURIComponent(state.route.id)}?asOf=${encodeURIComponent(value)}`));
  }

  // ---- live updates

  function setLive(stateName, label) {
    const badge = $('live-status');
    badge.dataset.state = stateName;
    $('live-label').textContent = label;
  }

  async function refreshTreaty(id) {
    const route = state.route;
    if (route.view === 'home') {
      const treaty = (await getCards()).find((card) => card.id === id);
      if (!treaty) return;
      if (!state.treaties.has(id)) state.order.push(id);
      state.treaties.set(id, treaty);
      updateCard(treaty, true);
      if (!state.selected) {
        state.selected = id;
        $('treaty-detail').hidden = false;
      }
      if (id === state.selected) await loadSelected();
    } else if (route.view === 'treaty' && route.id === id) {
      await loadTreatyPage();
    } else if (route.view === 'participant') {
      await loadParticipantPage();
    } else if (route.view === 'notifications') {
      await loadNotifications();
    } else {
      state.treaties.delete(id);
    }
  }

  function scheduleRefresh(id, delay) {
    const key = `${id}:${delay}`;
    clearTimeout(state.pending.get(key));
    state.pending.set(key, setTimeout(() => {
      state.pending.delete(key);
      refreshTreaty(id).catch((error) => showError(t('error.refresh', id, error.message)));
    }, delay));
  }

  function onEvent(message) {
    let envelope;
    try {
      envelope = JSON.parse(message.data);
    } catch (error) {
      return;
    }
    const last = $('last-event');
    last.hidden = false;
    // the public envelope names the participant; the full one (auditors) has it in its payload
    const participant = envelope.participant || (envelope.payload && envelope.payload.participant);
    const who = participant ? ` · ${participant}` : '';
    const kind = state.messages[`event.${envelope.type}`] || envelope.type;
    last.textContent = `${t('live.last')} ${kind}${who} (${envelope.treatyId}) · ${new Date(envelope.recordedAt).toLocaleTimeString(state.lang === 'fr' ? 'fr-FR' : 'en-GB')}`;
    last.dataset.position = message.lastEventId;
    if (envelope.treatyId) {
      scheduleRefresh(envelope.treatyId, 80);
      // the notifications read model may follow the status a moment later
      if (state.route.view === 'notifications') scheduleRefresh(envelope.treatyId, 700);
    }
  }

  function subscribe() {
    if (!window.EventSource) {
      setLive('reconnecting', t('live.unavailable'));
      return;
    }
    const source = new EventSource('/api/events/stream');
    EVENT_TYPES.forEach((type) => source.addEventListener(type, onEvent));
    source.onmessage = onEvent;
    let opened = false;
    source.onopen = () => {
      setLive('live', t('live.live'));
      // after a reconnection the browser resumes from Last-Event-ID; re-reading also covers a new server
      if (opened) render().catch((error) => showError(error.message));
      opened = true;
    };
    source.onerror = () => setLive('reconnecting', t('live.reconnecting'));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('status-filter').addEventListener('change', renderTable);
    $('name-filter').addEventListener('input', renderTable);
    $('as-of-form').addEventListener('submit', onAsOf);
    $('notification-filters').addEventListener('submit', onFilter);
    document.addEventListener('click', onClick);
    window.addEventListener('popstate', () => render().catch((error) => showError(error.message)));
    window.addEventListener('hashchange', () => {
      const wanted = new URLSearchParams(location.hash.slice(1)).get('treaty');
      if (state.route.view === 'home' && wanted && state.treaties.has(wanted)) select(wanted);
    });
    render()
      .then(subscribe)
      .catch((error) => {
        showError(`The ledger could not be reached: ${error.message}`);
        subscribe();
      });
  });
})();
