import { execFileSync } from 'node:child_process';
import type { Response } from 'superagent';
import { MinutesPdfCache } from '../src/meetings/minutes/minutes-pdf-cache';
import { CANARY, caseBody } from './support/factories';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

/** ADR 0024: approved minutes are rendered in the worker pool once per (content at the reader's level, reader) until an addendum. */
describe('Minutes PDF cache', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });

  async function approvedMinutes() {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    await make.minutesLevels(c, s.network.id, { COORDINATOR: 'FULL', CORE_PARTNER: 'ADDRESS', SHELL_PARTNER: 'PSEUDONYM' });
    const theCase = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await c.patch(`/api/cases/${theCase.id}`).send({ status: 'ACCEPTED' }).expect(200);
    const m = (
      await c
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), durationMinutes: 60, location: 'Buurthuis' })
        .expect(201)
    ).body;
    const item = (await c.post(`/api/meetings/${m.id}/agenda/assemble`).expect(200)).body.agenda[0];
    await c.post(`/api/meetings/${m.id}/start`).expect(200);
    await c
      .patch(`/api/meetings/${m.id}/agenda/${item.id}`)
      .send({ notes: 'Analyse: vereenzaming.', decisions: 'Huisbezoek door de huisarts.', version: item.version })
      .expect(200);
    await c.post(`/api/meetings/${m.id}/close`).expect(200);
    return { s, m };
  }

  const download = async (agent: Agent, meetingId: string): Promise<Buffer> =>
    (await agent.get(`/api/meetings/${meetingId}/minutes.pdf`).buffer(true).parse(binary).expect(200)).body;
  const exports = async (agent: Agent, networkId: string): Promise<number> =>
    (await agent.get(`/api/networks/${networkId}/access-log`).expect(200)).body.filter(
      (e: { action: string; context: string }) => e.action === 'EXPORT' && e.context === 'MINUTES',
    ).length;

  it('serves a draft fresh every time, and approved minutes from the cache: the same bytes for the same reader, other bytes for another level, new ones after an addendum', async () => {
    const { s, m } = await approvedMinutes();
    const cache = t.app.get(MinutesPdfCache);
    const coordinator = s.coordinator.agent;

    // A draft is never cached: the footer's moment moves with the clock.
    const draft = await download(coordinator, m.id);
    t.clock.advanceMinutes(5);
    expect((await download(coordinator, m.id)).equals(draft)).toBe(false);

    await coordinator.post(`/api/meetings/${m.id}/minutes/approve`).send({ reason: 'Vastgesteld per e-mail, geen bezwaren.' }).expect(200);
    const before = cache.stats.entries;
    const logged = [await exports(coordinator, s.network.id)];
    const first = await download(coordinator, m.id);
    logged.push(await exports(coordinator, s.network.id));
    t.clock.advanceMinutes(5);
    const again = await download(coordinator, m.id);
    logged.push(await exports(coordinator, s.network.id));
    expect(again.equals(first)).toBe(true);
    expect(cache.stats.entries).toBe(before + 1);
    // Every download is still logged as an export, from the cache as when rendered.
    expect(logged[1] - logged[0]).toBeGreaterThan(0);
    expect(logged[2] - logged[1]).toBe(logged[1] - logged[0]);

    // Another reader at another level: other bytes, their own level.
    const shell = await download(s.shell.agent, m.id);
    expect(shell.equals(first)).toBe(false);
    const shellText = pdfText(shell);
    expect(shellText).not.toContain(CANARY.surname);
    expect(shellText).toContain(s.shell.user.name);
    expect(pdfText(first)).toContain(`${CANARY.givenName} ${CANARY.surname}`);
    expect((await download(s.shell.agent, m.id)).equals(shell)).toBe(true);
    expect(cache.stats.entries).toBe(before + 2);

    // An addendum drops the meeting's cached PDFs; the next download shows it.
    await coordinator
      .post(`/api/meetings/${m.id}/minutes/addenda`)
      .send({ text: 'Aanvulling: de huisarts is op 2 december geweest.' })
      .expect(201);
    expect(cache.stats.entries).toBe(before);
    const added = await download(coordinator, m.id);
    expect(added.equals(first)).toBe(false);
    expect(pdfText(added)).toContain('de huisarts is op 2 december geweest');
    expect(pdfText(await download(s.shell.agent, m.id))).toContain('de huisarts is op 2 december geweest');
  });
});
