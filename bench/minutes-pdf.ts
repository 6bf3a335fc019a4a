/**
 * Benchmark (not a test), two parts, written to docs/performance.md. Run: npm run bench
 *
 * 1. One PDF: the minutes of a meeting with 40 agenda items and 120 actions rendered by the real
 *    renderer, against the same text written by bare pdfkit with the same font (Roboto TTF) as the floor.
 * 2. Twenty concurrent downloads of approved minutes (40 items, 120 actions) through the real HTTP app
 *    — decided in the request, rendered in the worker pool, cache off — while a probe asks /api/health
 *    every 20 ms: how late the probe's answers come, and the PDFs' response times.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import PDFDocument from 'pdfkit';
import type { Response } from 'superagent';
import type { ActionView } from '@casustafel/contract/meetings';
import type { MinutesView } from '@casustafel/contract/minutes';
import { renderMinutesPdf } from '../api/src/meetings/minutes/minutes-pdf';
import type { TestApp } from '../api/test/support/test-app';
import { writeSection } from './report';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const CONCURRENT = 20;
const PROBE_MS = 20;
const paragraph =
  'Analyse: de situatie is de afgelopen weken verslechterd. Er is sprake van vereenzaming, een vervuilde woning en oplopende schulden. ' +
  'Afspraken: de huisarts gaat op huisbezoek, het wijkteam helpt met de administratie en de corporatie bekijkt de woning.';

function action(i: number): ActionView {
  return {
    id: `a${i}`,
    networkId: 'n',
    networkName: 'Buurtnetwerk 55+ Soesterkwartier',
    meetingId: 'm',
    agendaItemId: `s${i % 40}`,
    case: { id: `c${i % 40}`, label: `Casus 2026-${String((i % 40) + 1).padStart(3, '0')} · Linde` },
    description: `Actie ${i + 1}: huisbezoek afleggen en terugkoppelen aan de coördinator`,
    owner: { organisation: { id: 'o', name: 'Stichting Welzijn Soesterkwartier' }, user: null },
    dueDate: '2026-12-15',
    status: 'OPEN',
    overdue: false,
    notDoneReason: null,
    note: null,
    version: 1,
    history: [],
    canUpdate: false,
  };
}

const view: MinutesView = {
  meetingId: 'm',
  networkId: 'n',
  networkName: 'Buurtnetwerk 55+ Soesterkwartier',
  status: 'APPROVED',
  version: 3,
  covenantVersion: 2,
  meeting: {
    startsAt: '2026-11-23T08:30:00Z',
    location: 'Buurthuis De Kei',
    chair: 'Sanne Visser',
    minuteTaker: 'Sanne Visser',
    nextMeeting: '2026-12-21T08:30:00Z',
  },
  attendance: Array.from({ length: 12 }, (_, i) => ({
    organisation: `Organisatie ${i + 1}`,
    status: 'PRESENT' as const,
    people: ['Medewerker A', 'Medewerker B'],
  })),
  sections: Array.from({ length: 40 }, (_, i) => ({
    id: `s${i}`,
    number: i + 1,
    title: `Casus 2026-${String(i + 1).padStart(3, '0')} · Linde`,
    text: paragraph,
    client: { level: 'INITIALS' as const, displayName: 'J. de V.', neighbourhood: 'Soesterkwartier' },
    comments: [],
  })),
  actions: Array.from({ length: 120 }, (_, i) => action(i)),
  carriedOver: [],
  addenda: [],
  approvedAt: '2026-12-21T08:40:00Z',
  approvalReason: null,
  sha256: 'f'.repeat(64),
  readerLevel: { level: 'INITIALS', explanation: '' },
  readerRole: 'CORE_PARTNER',
  can: { edit: false, send: false, comment: false, approve: false, addendum: false },
};

const ROBOTO = {
  body: readFileSync(require.resolve('@expo-google-fonts/roboto/400Regular/Roboto_400Regular.ttf')),
  bold: readFileSync(require.resolve('@expo-google-fonts/roboto/500Medium/Roboto_500Medium.ttf')),
};

/** Every string the renderer writes, in its order (headings, labels, paragraphs, table cells, footers). */
function words(): { bold: boolean; size: number; text: string }[] {
  const out: { bold: boolean; size: number; text: string }[] = [];
  const put = (text: string, size = 10, bold = false) => out.push({ bold, size, text });
  put('Verslag casusoverleg', 18, true);
  put(`${view.networkName} · 23 november 2026 om 09:30`, 11);
  put('VASTGESTELD op 21 december 2026 om 09:40', 12, true);
  put(`Vertrouwelijk. Namen volgens het privacyconvenant, versie ${view.covenantVersion}.`, 9);
  for (const [label, value] of [
    ['Plaats', view.meeting.location],
    ['Voorzitter', view.meeting.chair],
    ['Notulist', view.meeting.minuteTaker],
    ['Volgend overleg', '21 december 2026 om 09:30'],
  ])
    put(`${label} ${value}`, 9);
  put('Aanwezigheid', 13, true);
  for (const a of view.attendance) put(`${a.organisation} Aanwezig ${a.people.join(', ')}`, 9);
  for (const s of view.sections) {
    put(`${s.number}. ${s.title}`, 12, true);
    put(`Cliënt: ${s.client!.displayName}`, 10, true);
    put(s.text);
    for (const a of view.actions.filter((x) => x.agendaItemId === s.id))
      put(`• Actie: ${a.description} — ${a.owner.organisation.name}, uiterlijk 15 december 2026`);
  }
  put('Afgesproken acties', 13, true);
  put('Wat Wie Uiterlijk Status', 9, true);
  for (const a of view.actions) put(`${a.description} (${a.case!.label}) ${a.owner.organisation.name} 15 december 2026 open`, 9);
  put('Openstaande acties uit eerdere overleggen', 13, true);
  put('Geen.');
  put(`SHA-256 van de inhoud: ${view.sha256}`, 7);
  return out;
}

/**
 * The floor: the same words one after another with bare pdfkit — the same Roboto TTF (read once, as
 * the app does), no layout, no tagging — and the same footer and page number on every page.
 */
function bare(): Promise<Buffer> {
  return new Promise((done) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => done(Buffer.concat(chunks)));
    doc.registerFont('body', ROBOTO.body).registerFont('bold', ROBOTO.bold);
    for (const w of words())
      doc
        .font(w.bold ? 'bold' : 'body')
        .fontSize(w.size)
        .text(w.text);
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(i);
      doc.page.margins.bottom = 0;
      doc.font('body').fontSize(8).text(`${view.networkName} · 23 november 2026 · Vertrouwelijk`, 50, 22, { lineBreak: false });
      doc.text('Opgesteld voor Bench, Bench op 21 december 2026 om 10:00', 50, doc.page.height - 40, { lineBreak: false });
      doc.text(`pagina ${i + 1} van ${range.count}`, doc.page.width - 150, doc.page.height - 40, { lineBreak: false });
    }
    doc.end();
  });
}

/** The old floor, kept for comparison with earlier reports: the section and action texts in built-in Helvetica. */
function bareHelvetica(): Promise<Buffer> {
  return new Promise((done) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => done(Buffer.concat(chunks)));
    doc.fontSize(18).text('Verslag casusoverleg');
    for (const s of view.sections) doc.fontSize(12).text(`${s.number}. ${s.title}`).fontSize(10).text(s.text);
    for (const a of view.actions) doc.fontSize(9).text(`${a.description} — ${a.owner.organisation.name} — ${a.dueDate}`);
    doc.end();
  });
}

async function time(fn: () => Promise<Buffer>): Promise<{ median: number; bytes: number; pages: number }> {
  await fn(); // warm-up: fonts, JIT
  const samples: number[] = [];
  let last = Buffer.alloc(0);
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    last = await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], bytes: last.length, pages: pages(last) };
}

const pages = (pdf: Buffer) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8'))?.[1] ?? 0);
const quantile = (samples: number[], q: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** Approved minutes of 40 agenda items with 3 actions each, made through the API as a coordinator would. */
async function approvedMeeting(t: TestApp) {
  const { Factories, caseBody } = require('../api/test/support/factories') as typeof import('../api/test/support/factories');
  const make = await Factories.for(t);
  const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
  const c = s.coordinator.agent;
  for (let i = 0; i < 40; i++) {
    const created = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await c.patch(`/api/cases/${created.id}`).send({ status: 'ACCEPTED' }).expect(200);
  }
  const m = (
    await c
      .post(`/api/networks/${s.network.id}/meetings`)
      .send({ startsAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), durationMinutes: 120, location: 'Buurthuis De Kei' })
      .expect(201)
  ).body;
  const agenda = (await c.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200)).body.agenda as { id: string; version: number }[];
  await c.post(`/api/meetings/${m.id}/start`).expect(200);
  for (const item of agenda) {
    await c
      .patch(`/api/meetings/${m.id}/agenda/${item.id}`)
      .send({ notes: paragraph, decisions: 'Huisbezoek door de huisarts.', version: item.version });
    for (let k = 0; k < 3; k++)
      await c.post(`/api/meetings/${m.id}/agenda/${item.id}/actions`).send({
        description: `Actie ${k + 1}: huisbezoek afleggen en terugkoppelen aan de coördinator`,
        ownerOrganisationId: s.shell.organisation.id,
        dueDate: '2026-12-15',
      });
  }
  await c.post(`/api/meetings/${m.id}/close`).expect(200);
  await c.post(`/api/meetings/${m.id}/minutes/approve`).send({ reason: 'Vastgesteld per e-mail, geen bezwaren.' }).expect(200);
  return { s, m, items: agenda.length };
}

interface Concurrency {
  workers: number;
  items: number;
  pages: number;
  pdf: { p50: number; p95: number; max: number };
  probe: { count: number; p50: number; p99: number; max: number };
  idle: { p99: number; max: number };
}

/**
 * A probe on /api/health every PROBE_MS, one at a time: how late each answer comes after the moment
 * it was due (its timer's lateness plus its response time). A probe is due PROBE_MS after the last
 * one was due, or when the last one answered if that was later, so one slow answer is counted once.
 */
async function probe(url: string, until: () => boolean): Promise<number[]> {
  const delays: number[] = [];
  let due = performance.now();
  while (!until()) {
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const res = await fetch(url);
    await res.arrayBuffer();
    const answered = performance.now();
    delays.push(answered - due);
    due = Math.max(due + PROBE_MS, answered);
  }
  return delays;
}

async function concurrency(): Promise<Concurrency> {
  // The tests' set-up (a real app over HTTP, factories that work through the API), which sets Jest's timeout as it loads.
  (globalThis as unknown as { jest: object }).jest = { setTimeout: () => undefined };
  const { TestApp } = require('../api/test/support/test-app') as typeof import('../api/test/support/test-app');
  const t = await TestApp.start({ PDF_CACHE_ENTRIES: '0' });
  try {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const health = `http://127.0.0.1:${port}/api/health`;
    const { s, m, items } = await approvedMeeting(t);
    const download = async () => {
      const start = performance.now();
      const res = await s.core.agent.get(`/api/meetings/${m.id}/minutes.pdf`).buffer(true).parse(binary).expect(200);
      return { ms: performance.now() - start, body: res.body as Buffer };
    };
    const first = await download(); // starts the pool and warms its workers
    for (let i = 0; i < 3; i++) await download();
    let stop = false;
    setTimeout(() => (stop = true), 1000);
    const idle = await probe(health, () => stop);
    let done = false;
    const probing = probe(health, () => done);
    await sleep(100);
    const results = await Promise.all(Array.from({ length: CONCURRENT }, download));
    done = true;
    const delays = await probing;
    const times = results.map((r) => r.ms);
    return {
      workers: readConfigWorkers(),
      items,
      pages: pages(first.body),
      pdf: { p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times) },
      probe: { count: delays.length, p50: quantile(delays, 0.5), p99: quantile(delays, 0.99), max: Math.max(...delays) },
      idle: { p99: quantile(idle, 0.99), max: Math.max(...idle) },
    };
  } finally {
    await t.close();
  }
}

const readConfigWorkers = () => Number(process.env['PDF_WORKERS'] || Math.max(1, cpus().length - 1));

async function main(): Promise<void> {
  const loadBefore = loadavg()[0];
  const minutes = await time(() => renderMinutesPdf(view, { name: 'Bench', organisation: 'Bench' }, new Date('2026-12-21T09:00:00Z')));
  const floor = await time(bare);
  const helvetica = await time(bareHelvetica);
  const ratio = minutes.median / floor.median;
  const http = await concurrency();
  const load = loadavg();
  const cpu = cpus()[0]?.model ?? 'unknown';
  const report = `## Minutes PDF (\`bench/minutes-pdf.ts\`)

### One PDF against bare pdfkit

Minutes of one meeting with 40 agenda items and 120 actions (${minutes.pages} pages), rendered by the real renderer
(\`renderMinutesPdf\`: embedded Roboto TTF with Latin Extended, tagged structure — headings, lists, tables with
header cells, running header and page numbers as artifacts), against the same text — every heading, label,
paragraph, table cell and footer the renderer writes, in the same sizes — written one line after another by
bare pdfkit with the same Roboto TTF (read once, no layout, no tagging) as the floor. Median of ${RUNS} runs after one
warm-up, in the main thread.

| | median | size | pages |
|---|---|---|---|
| Casustafel minutes | ${minutes.median.toFixed(1)} ms | ${(minutes.bytes / 1024).toFixed(0)} KiB | ${minutes.pages} |
| bare pdfkit, same Roboto TTF and text (floor) | ${floor.median.toFixed(1)} ms | ${(floor.bytes / 1024).toFixed(0)} KiB | ${floor.pages} |
| **ratio** (target ≤ 1.3 ×) | **${ratio.toFixed(2)} ×** | | |
| old floor: bare pdfkit, Helvetica, sections and actions only | ${helvetica.median.toFixed(1)} ms | ${(helvetica.bytes / 1024).toFixed(0)} KiB | ${helvetica.pages} |

### Twenty downloads at once, and the rest of the app meanwhile

The real HTTP app (in-memory SQLite, the test set-up) with approved minutes of a meeting of ${http.items} agenda items and
3 actions each (${http.pages} pages), made through the API. ${CONCURRENT} downloads of \`GET /api/meetings/:id/minutes.pdf\` start at
once (a core partner's session: the disclosure decisions, the access log and the rendering each time; the cache
is off, \`PDF_CACHE_ENTRIES=0\`, so every download renders), with ${http.workers} PDF worker(s). Meanwhile a probe asks
\`GET /api/health\` every ${PROBE_MS} ms; its delay is from the moment a probe was due to its answer (so a blocked event
loop counts in full, also when it delays the probe's own timer). Client and app share one process, as in the tests.

| | p50 | p95 / p99 | max |
|---|---|---|---|
| PDF response time (${CONCURRENT} at once) | ${http.pdf.p50.toFixed(0)} ms | p95 ${http.pdf.p95.toFixed(0)} ms | ${http.pdf.max.toFixed(0)} ms |
| /api/health probe during the downloads (${http.probe.count} probes; target ≤ 100 ms) | ${http.probe.p50.toFixed(1)} ms | p99 ${http.probe.p99.toFixed(1)} ms | ${http.probe.max.toFixed(1)} ms |
| /api/health probe, idle app (1 s) | | p99 ${http.idle.p99.toFixed(1)} ms | ${http.idle.max.toFixed(1)} ms |

Before issue #15 (reported there, rendering in the request's thread): p95 4.8 s for 20 simultaneous minutes PDFs of 15
pages, and \`/api/health\` waiting up to 5 s meanwhile.

Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, Node ${process.version}; load average ${loadBefore.toFixed(2)} before,
${load.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min) after. What changed (ADR 0024): the fonts are parsed once per process
and the layout of every word is shared between documents (pdfkit would parse the font file and shape every word
again per document); the rendering runs in a piscina pool of worker threads, so the event loop only gathers the
data and the disclosure decisions; approved minutes are cached per content and reader until an addendum (a
repeated download costs the decisions and the access log, not the rendering). What is left of the gap to the floor is
the tagging (a structure element per heading, paragraph, list item and table cell, about 800 here) and measuring
every table cell.
`;
  writeSection('minutes-pdf', report);
  process.exit(0);
}

void main();
