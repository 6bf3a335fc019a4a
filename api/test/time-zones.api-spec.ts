import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { Meeting } from '../src/meetings/meeting.entity';
import { CANARY_MARKERS, caseBody } from './support/factories';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/**
 * Times are Amsterdam times, whatever the server's TZ: npm test runs this under TZ=America/New_York,
 * npm run test:pg under TZ=UTC. The test clock stands at 2 November 2026, winter time (UTC+1); summer
 * time (UTC+2) runs from 28 March to 31 October 2027.
 */
describe('Times in Amsterdam, whatever the server zone', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });

  const plan = async (coordinator: Agent, networkId: string, body: Record<string, unknown>) =>
    (
      await coordinator
        .post(`/api/networks/${networkId}/meetings`)
        .send({ durationMinutes: 90, ...body })
        .expect(201)
    ).body;

  it('reads a time without an offset as Amsterdam time, in winter and in summer', async () => {
    const s = await make.staffedNetwork();
    const c = s.coordinator.agent;
    // The validation message's own example lands on the hour it names: 09:30 in Amsterdam.
    expect((await plan(c, s.network.id, { startsAt: '2026-12-01T09:30' })).startsAt).toBe('2026-12-01T08:30:00.000Z');
    const winter = await plan(c, s.network.id, { startsAt: '2026-11-23T10:00' });
    expect(winter.startsAt).toBe('2026-11-23T09:00:00.000Z');
    const summer = await plan(c, s.network.id, { startsAt: '2027-06-15T14:00:00' });
    expect(summer.startsAt).toBe('2027-06-15T12:00:00.000Z');
    // Stored as that instant: the meeting reads back the same.
    expect((await c.get(`/api/meetings/${summer.id}`).expect(200)).body.startsAt).toBe('2027-06-15T12:00:00.000Z');

    // With an offset or Z, the time is that instant.
    expect((await plan(c, s.network.id, { startsAt: '2027-06-15T14:00+02:00' })).startsAt).toBe('2027-06-15T12:00:00.000Z');
    expect((await plan(c, s.network.id, { startsAt: '2026-11-23T10:00:00-05:00' })).startsAt).toBe('2026-11-23T15:00:00.000Z');
    expect((await plan(c, s.network.id, { startsAt: '2026-11-23T10:00:00.000Z' })).startsAt).toBe('2026-11-23T10:00:00.000Z');

    // An ISO 8601 form that names no real moment is a 400 at the field, not a 500.
    const refused = await c
      .post(`/api/networks/${s.network.id}/meetings`)
      .send({ startsAt: '2027-02-30T10:00', durationMinutes: 60 })
      .expect(400);
    expect(refused.body.fields).toEqual({ startsAt: ['Vul het begin in als datum en tijd (bijvoorbeeld 2026-12-01T09:30).'] });
  });

  it('keeps a series at its Amsterdam clock time when summer time begins and ends', async () => {
    const s = await make.staffedNetwork();
    const c = s.coordinator.agent;
    // 19 February 14:00, every 4 weeks: summer time begins on 28 March 2027.
    const spring = await plan(c, s.network.id, { startsAt: '2027-02-19T14:00', repeat: { everyWeeks: 4, count: 4 } });
    expect(spring.map((m: { startsAt: string }) => m.startsAt)).toEqual([
      '2027-02-19T13:00:00.000Z',
      '2027-03-19T13:00:00.000Z',
      '2027-04-16T12:00:00.000Z',
      '2027-05-14T12:00:00.000Z',
    ]);
    // 8 October 09:30, every 2 weeks: winter time begins on 31 October 2027.
    const autumn = await plan(c, s.network.id, { startsAt: '2027-10-08T09:30', repeat: { everyWeeks: 2, count: 3 } });
    expect(autumn.map((m: { startsAt: string }) => m.startsAt)).toEqual([
      '2027-10-08T07:30:00.000Z',
      '2027-10-22T07:30:00.000Z',
      '2027-11-05T08:30:00.000Z',
    ]);
    // What the list returns is what was stored.
    const listed = (await c.get(`/api/networks/${s.network.id}/meetings`).expect(200)).body.map((m: { startsAt: string }) => m.startsAt);
    expect(listed).toEqual(expect.arrayContaining(['2027-04-16T12:00:00.000Z', '2027-11-05T08:30:00.000Z']));
  });

  it('gives the calendar feed each meeting at its Amsterdam hour, read back by an independent parser', async () => {
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    // A case with the canary identity and an action, to prove none of it reaches the feed.
    const theCase = (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
    await c.patch(`/api/cases/${theCase.id}`).send({ status: 'ACCEPTED' }).expect(200);
    const winter = await plan(c, s.network.id, { startsAt: '2026-11-23T10:00', location: 'Buurthuis De Kei' });
    const summer = await plan(c, s.network.id, { startsAt: '2027-06-15T14:00', durationMinutes: 120 });
    const item = (await c.post(`/api/meetings/${winter.id}/agenda/assemble`).expect(200)).body.agenda[0];
    await c
      .post(`/api/meetings/${winter.id}/agenda/${item.id}/actions`)
      .send({
        description: 'Huisbezoek plannen met de wijkverpleging',
        ownerOrganisationId: s.shell.organisation.id,
        dueDate: '2026-12-15',
      })
      .expect(201);

    const { url } = (await s.shell.agent.post('/api/calendar/token').expect(201)).body;
    const text = (await t.anonymous().get(url).expect(200)).text;

    // Every line ends with CRLF, the last one too; no bare LF.
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // No non-standard properties, no zone-less clock times; DTSTAMP in UTC.
    expect(text).not.toMatch(/^TIMEZONE-ID/m);
    expect(text).not.toMatch(/^X-WR-TIMEZONE/m);
    expect(text).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Europe\/Amsterdam\r\n/m);
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20261123T100000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20270615T140000\r\n');
    // Outside the VTIMEZONE's own rules, no floating (zone-less) clock time.
    expect(text.slice(text.indexOf('BEGIN:VEVENT'))).not.toMatch(/^DT(START|END):\d{8}T\d{6}\r$/m);
    const stamps = text.match(/^DTSTAMP:.*$/gm) ?? [];
    expect(stamps.length).toBeGreaterThan(0);
    for (const stamp of stamps) expect(stamp).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/);

    const events = parse(text);
    const meeting = (id: string) => events.find((e) => e.uid === `meeting-${id}@casustafel`)!;
    expect(meeting(winter.id)).toMatchObject({
      start: '2026-11-23T09:00:00.000Z', // 10:00 in Amsterdam
      end: '2026-11-23T10:30:00.000Z',
      status: 'CONFIRMED',
      summary: `Overleg ${s.network.name}`,
    });
    expect(meeting(summer.id)).toMatchObject({
      start: '2027-06-15T12:00:00.000Z', // 14:00 in Amsterdam
      end: '2027-06-15T14:00:00.000Z',
    });
    // The action's due date is a whole day, the date itself.
    const action = events.find((e) => e.uid.startsWith('action-'))!;
    expect(action).toMatchObject({ allDay: true, day: '2026-12-15' });
    for (const marker of [...CANARY_MARKERS, 'Huisbezoek plannen']) expect(text).not.toContain(marker);

    // The same UIDs on every fetch; a cancelled meeting keeps its UID and says it is cancelled.
    await t.app.get(DataSource).getRepository(Meeting).update({ id: summer.id }, { status: 'CANCELLED' });
    const again = parse((await t.anonymous().get(url).expect(200)).text);
    expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
    expect(meeting(summer.id).uid).toBe(`meeting-${summer.id}@casustafel`);
    expect(again.find((e) => e.uid === `meeting-${summer.id}@casustafel`)).toMatchObject({
      status: 'CANCELLED',
      start: '2027-06-15T12:00:00.000Z',
      summary: `Vervalt: Overleg ${s.network.name}`,
    });
    expect(again.find((e) => e.uid === `meeting-${winter.id}@casustafel`)!.status).toBe('CONFIRMED');
  });
});

interface ParsedEvent {
  uid: string;
  summary: string;
  status: string | null;
  allDay: boolean;
  /** The instant in UTC, or for a whole day the date. */
  start: string;
  end: string | null;
  day: string | null;
}

/** The feed read by ical.js, with the feed's own VTIMEZONE registered so that TZID times convert to UTC. */
function parse(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Amsterdam']);
  for (const zone of zones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  try {
    return calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      const utc = (time: ICAL.Time) => {
        // A TZID that ical.js could not resolve would leave the time floating: the zone must be the feed's.
        expect(time.zone?.tzid).toBe('Europe/Amsterdam');
        return time.convertToZone(ICAL.Timezone.utcTimezone).toJSDate().toISOString();
      };
      const allDay = event.startDate.isDate;
      return {
        uid: event.uid,
        summary: event.summary,
        status: (component.getFirstPropertyValue('status') as string | null) ?? null,
        allDay,
        start: allDay ? '' : utc(event.startDate),
        end: allDay || !event.endDate ? null : utc(event.endDate),
        day: allDay ? event.startDate.toString() : null,
      };
    });
  } finally {
    ICAL.TimezoneService.reset();
  }
}
