// The public dashboard: treaty cards with progress toward entry into force, and for the selected
// treaty a timeline of instruments and the participants table. Data come from the REST API; the
// page subscribes to /api/events/stream and re-fetches the affected treaty on every event.
(() => {
  'use strict';

  const EVENT_TYPES = [
    'TreatyRegistered', 'ConventionSigned', 'InstrumentDeposited', 'DenunciationNotified',
    'CommunicationReceived', 'RecordCorrected', 'RecordRetracted'
  ];
  const STATUS_LABELS = {
    SIGNATORY: 'Signatory', CONTRACTING: 'Contracting State', PARTY: 'Party', WITHDRAWN: 'Withdrawn'
  };
  const DAY = 86400000;

  const state = {
    treaties: new Map(),   // id -> TreatyStatusView
    order: [],             // ids in the order the API lists them
    selected: null,        // id of the treaty shown in detail
    participants: [],      // ParticipantView[] of the selected treaty
    chart: null,
    pending: new Map()     // treaty id -> timer of a scheduled refresh
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
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    });
    return node;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  }

  function dayNumber(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y, m - 1, d) / DAY;
  }

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // "10 Jan 2026", as the depositary writes dates, whatever the browser's locale
  function formatDay(day) {
    const date = new Date(Math.round(day) * DAY);
    return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }

  function formatDate(iso) {
    return iso ? formatDay(dayNumber(iso)) : '';
  }

  function showError(message) {
    const box = $('load-error');
    box.hidden = !message;
    box.textContent = message || '';
  }

  // ---- milestone wording, shared by the cards and the detail header

  function milestone(treaty) {
    if (treaty.inForce) {
      return { kind: 'in-force', text: `In force since ${formatDate(treaty.entryIntoForceOn)}` };
    }
    if (treaty.thresholdReachedOn) {
      return {
        kind: 'reached',
        text: `Threshold reached on ${formatDate(treaty.thresholdReachedOn)} · enters into force on ${formatDate(treaty.entryIntoForceOn)}`
      };
    }
    const missing = Math.max(0, treaty.instrumentsRequired - treaty.instrumentsCounted);
    return {
      kind: 'missing',
      text: `${missing} more instrument${missing === 1 ? '' : 's'} needed for entry into force`
    };
  }

  // ---- treaty cards

  function renderCard(treaty) {
    const percent = Math.min(100, Math.round(100 * treaty.instrumentsCounted / Math.max(1, treaty.instrumentsRequired)));
    const stone = milestone(treaty);
    const card = el('article', {
      class: 'treaty-card', tabindex: '0', 'data-treaty-id': treaty.id,
      'aria-current': String(treaty.id === state.selected)
    },
    el('p', { class: 'ref', text: treaty.reference }),
    el('h2', { title: treaty.title, text: treaty.title }),
    el('div', {
      class: 'progress', role: 'progressbar', 'aria-label': 'Instruments counted toward entry into force',
      'aria-valuemin': '0', 'aria-valuemax': String(treaty.instrumentsRequired),
      'aria-valuenow': String(treaty.instrumentsCounted), 'data-reached': String(!!treaty.thresholdReachedOn)
    }, el('div', { class: 'bar', style: `width:${percent}%` })),
    el('p', { class: 'progress-label' },
      el('strong', { 'data-field': 'counted', text: treaty.instrumentsCounted }),
      ' of ', el('span', { 'data-field': 'required', text: treaty.instrumentsRequired }),
      ' instruments'),
    el('p', { class: 'milestone', 'data-field': 'milestone', 'data-kind': stone.kind, text: stone.text }),
    el('dl', { class: 'counts' },
      el('div', {}, el('dt', { text: 'Signatories' }), el('dd', { 'data-field': 'signatories', text: treaty.signatories })),
      el('div', {}, el('dt', { text: 'Contracting' }), el('dd', { 'data-field': 'contracting', text: treaty.contracting })),
      el('div', {}, el('dt', { text: 'Parties' }), el('dd', { 'data-field': 'parties', text: treaty.parties }))));
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
      grid.append(el('p', { class: 'placeholder', id: 'treaties-empty', text: 'No treaty is registered yet.' }));
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

  // ---- detail: header, facts, chart, table

  function renderDetail() {
    const treaty = state.treaties.get(state.selected);
    const section = $('treaty-detail');
    if (!treaty) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    section.dataset.treatyId = treaty.id;
    $('detail-reference').textContent = treaty.reference;
    $('detail-title').textContent = treaty.title;
    const stone = milestone(treaty);
    const header = $('detail-milestone');
    header.textContent = stone.text;
    header.dataset.kind = stone.kind;

    const facts = [
      ['Instruments counted', `${treaty.instrumentsCounted} of ${treaty.instrumentsRequired}`],
      ['Instruments deposited', treaty.instrumentsDeposited],
      ['Signatories', treaty.signatories],
      ['Contracting States', treaty.contracting],
      ['Parties', treaty.parties],
      ['Threshold reached', treaty.thresholdReachedOn ? formatDate(treaty.thresholdReachedOn) : 'Not yet'],
      ['Entry into force', treaty.entryIntoForceOn ? formatDate(treaty.entryIntoForceOn) : 'Not yet determined'],
      ['Signature', treaty.openForSignature ? 'Open' : 'Closed'],
      ['Status as of', formatDate(treaty.asOf)]
    ];
    $('detail-facts').replaceChildren(...facts.flatMap(([term, value]) => [
      el('dt', { text: term }), el('dd', { 'data-fact': term, text: value })
    ]));
    renderChart(treaty);
    renderTable();
  }

  function cumulative(dates, untilDay) {
    const counts = new Map();
    dates.forEach((iso) => {
      const day = dayNumber(iso);
      counts.set(day, (counts.get(day) || 0) + 1);
    });
    let total = 0;
    const points = Array.from(counts.keys()).sort((a, b) => a - b).map((day) => {
      total += counts.get(day);
      return { x: day, y: total };
    });
    if (points.length > 0 && untilDay > points[points.length - 1].x) points.push({ x: untilDay, y: total });
    return points;
  }

  function renderChart(treaty) {
    if (!window.Chart) return;
    const instruments = state.participants.filter((p) => p.instrument).map((p) => p.instrument.depositedOn);
    const signatures = state.participants.filter((p) => p.signedOn).map((p) => p.signedOn);
    const today = dayNumber(treaty.asOf);
    const deposited = cumulative(instruments, today);
    const signed = cumulative(signatures, today);
    const days = deposited.concat(signed).map((p) => p.x);
    const first = days.length ? Math.min(...days) : today - 30;
    const required = [{ x: first, y: treaty.instrumentsRequired }, { x: today, y: treaty.instrumentsRequired }];
    const datasets = [
      {
        label: 'Instruments deposited', data: deposited, stepped: true, borderColor: '#1f5fa8',
        backgroundColor: 'rgba(31, 95, 168, 0.12)', fill: true, pointRadius: 3, borderWidth: 2
      },
      {
        label: 'Signatures', data: signed, stepped: true, borderColor: '#8fa3b8',
        backgroundColor: 'transparent', pointRadius: 2, borderWidth: 2
      },
      {
        label: `Required for entry into force (${treaty.instrumentsRequired})`, data: required,
        borderColor: '#b03a2e', borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5, fill: false
      }
    ];
    const range = { min: first - 14, max: today };
    if (state.chart) {
      state.chart.data.datasets = datasets;
      Object.assign(state.chart.options.scales.x, range);
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
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Count' } }
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: { callbacks: { title: (items) => items.length ? formatDay(items[0].parsed.x) : '' } }
        }
      }
    });
  }

  function renderTable() {
    const status = $('status-filter').value;
    const search = $('name-filter').value.trim().toLowerCase();
    const rows = state.participants
      .filter((p) => !status || p.status === status)
      .filter((p) => !search || p.name.toLowerCase().includes(search) || p.participant.toLowerCase().includes(search))
      .map((p) => el('tr', { 'data-participant': p.participant, 'data-status': p.status },
        el('td', { 'data-column': 'participant' }, p.name, el('span', { class: 'code', text: p.participant })),
        el('td', { 'data-column': 'signature', text: formatDate(p.signedOn) }),
        el('td', { 'data-column': 'instrument' },
          p.instrument ? formatDate(p.instrument.depositedOn) : '',
          p.instrument && p.instrument.letter ? el('span', { class: 'letter', text: p.instrument.letter }) : null),
        el('td', { 'data-column': 'entry-into-force', text: formatDate(p.entryIntoForceOn) }),
        el('td', { 'data-column': 'status' },
          el('span', { class: 'badge', 'data-status': p.status, text: STATUS_LABELS[p.status] || p.status }))));
    $('participants-body').replaceChildren(...rows);
    $('participants-empty').hidden = rows.length > 0;
    $('participants-count').textContent = rows.length === state.participants.length
      ? `(${rows.length})` : `(${rows.length} of ${state.participants.length})`;
  }

  // ---- loading

  async function loadAll() {
    const treaties = await getJson('/api/treaties');
    state.treaties = new Map(treaties.map((t) => [t.id, t]));
    state.order = treaties.map((t) => t.id);
    if (!state.treaties.has(state.selected)) {
      const wanted = new URLSearchParams(location.hash.slice(1)).get('treaty');
      state.selected = state.treaties.has(wanted) ? wanted : state.order[0] || null;
    }
    renderCards();
    await loadParticipants();
    showError(null);
  }

  async function loadParticipants() {
    if (!state.selected) {
      renderDetail();
      return;
    }
    const id = state.selected;
    const participants = await getJson(`/api/treaties/${encodeURIComponent(id)}/participants`);
    if (id !== state.selected) return;
    state.participants = participants;
    renderDetail();
  }

  async function refreshTreaty(id) {
    const treaty = await getJson(`/api/treaties/${encodeURIComponent(id)}`);
    if (!state.treaties.has(id)) state.order.push(id);
    state.treaties.set(id, treaty);
    updateCard(treaty, true);
    if (!state.selected) state.selected = id;
    if (id === state.selected) await loadParticipants();
  }

  function scheduleRefresh(id) {
    clearTimeout(state.pending.get(id));
    state.pending.set(id, setTimeout(() => {
      state.pending.delete(id);
      refreshTreaty(id).catch((error) => showError(`Could not refresh ${id}: ${error.message}`));
    }, 80));
  }

  function select(id) {
    if (id === state.selected) return;
    state.selected = id;
    history.replaceState(null, '', `#treaty=${encodeURIComponent(id)}`);
    document.querySelectorAll('.treaty-card').forEach((card) => {
      card.setAttribute('aria-current', String(card.dataset.treatyId === id));
    });
    state.participants = [];
    loadParticipants().catch((error) => showError(error.message));
  }

  // ---- live updates

  function setLive(stateName, label) {
    const badge = $('live-status');
    badge.dataset.state = stateName;
    $('live-label').textContent = label;
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
    last.textContent = `Last recorded: ${envelope.type}${who} (${envelope.treatyId}) at ${new Date(envelope.recordedAt).toLocaleTimeString('en-GB')}`;
    last.dataset.position = message.lastEventId;
    if (envelope.treatyId) scheduleRefresh(envelope.treatyId);
  }

  function subscribe() {
    if (!window.EventSource) {
      setLive('reconnecting', 'Live updates unavailable');
      return;
    }
    const source = new EventSource('/api/events/stream');
    EVENT_TYPES.forEach((type) => source.addEventListener(type, onEvent));
    source.onmessage = onEvent;
    let opened = false;
    source.onopen = () => {
      setLive('live', 'Live');
      // after a reconnection the browser resumes from Last-Event-ID; reloading also covers a new server
      if (opened) loadAll().catch((error) => showError(error.message));
      opened = true;
    };
    source.onerror = () => setLive('reconnecting', 'Reconnecting…');
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('status-filter').addEventListener('change', renderTable);
    $('name-filter').addEventListener('input', renderTable);
    window.addEventListener('hashchange', () => {
      const wanted = new URLSearchParams(location.hash.slice(1)).get('treaty');
      if (wanted && state.treaties.has(wanted)) select(wanted);
    });
    subscribe();
    loadAll().catch((error) => showError(`The ledger could not be reached: ${error.message}`));
  });
})();
