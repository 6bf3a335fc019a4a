import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { ActionsService } from '../src/actions/actions.service';
import { Clock } from '../src/common/clock';
import { AppConfig } from '../src/config/app-config';
import { RunOnce } from '../src/database/run-once';
import { MeetingsService } from '../src/meetings/meetings.service';
import { NotificationSchedule } from '../src/notifications/notification-schedule';
import { NotificationsService } from '../src/notifications/notifications.service';
import { CANARY_MARKERS, caseBody, questionBody, type Factories } from './support/factories';
import { SmtpSink } from './support/smtp-sink';
import { useTestApp } from './support/use-test-app';

type Staffed = Awaited<ReturnType<Factories['staffedNetwork']>>;

const BASE = 'https://casustafel.example.nl';
const question = questionBody();
const STATUS_REASON = 'Huisbezoek afgerond; de thuiszorg komt nu wekelijks langs.';

/** Everything a mail shows: subject, text, HTML and the calendar part. */
const whole = (m: ParsedMail) => [m.subject, m.text, m.html, ...(m.attachments ?? []).map((a) => a.content.toString('utf8'))].join('\n');

/** The List-Unsubscribe header as sent. */
const listUnsubscribe = (m: ParsedMail) =>
  m.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/^List-Unsubscribe:\s*/i, '');

/** A calendar part read by ical.js, its VTIMEZONE registered, the start as UTC. */
function invitation(mail: ParsedMail) {
  const part = (mail.attachments ?? []).find((a) => a.contentType.startsWith('text/calendar'));
  expect(part).toBeDefined();
  const text = part!.content.toString('utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Amsterdam']);
  for (const zone of zones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  try {
    const component = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(component);
    expect(event.startDate.zone?.tzid).toBe('Europe/Amsterdam');
    return {
      method: calendar.getFirstPropertyValue('method'),
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.convertToZone(ICAL.Timezone.utcTimezone).toJSDate().toISOString(),
      status: component.getFirstPropertyValue('status'),
      organizer: String(component.getFirstPropertyValue('organizer')),
      attendee: String(component.getFirstPropertyValue('attendee')),
      contentType: part!.contentType,
      method2: (part as unknown as { method?: string }).method,
    };
  } finally {
    ICAL.TimezoneService.reset();
  }
}

/**
 * Notifications (issue #14, part 1) through a real SMTP server: each kind arrives once, with the
 * right recipients, Dutch, never an identity; settings respected; digests once a day; invitations
 * that calendar programs read (UID, SEQUENCE, METHOD, the Amsterdam zone).
 */
describe('Notifications', () => {
  const sink = new SmtpSink();
  beforeAll(() => sink.start());
  afterAll(() => sink.stop());
  const { t, make } = useTestApp({
    env: () => ({ SMTP_URL: sink.url, PUBLIC_URL: BASE, MAIL_FROM: 'Casustafel <casustafel@gemeente.test>', AGENDA_DAYS_AHEAD: '3' }),
    minutesBetweenTests: 0.1,
  });
  let s: Staffed;
  let schedule: NotificationSchedule;
  /** A second instance of the schedule, as another API process would run it: its rounds run beside the first one's. */
  let other: NotificationSchedule;
  /** A meeting far enough ahead (ten weeks) that its invitation is not sent yet: the actions are agreed on its agenda. */
  let room: string;

  beforeAll(async () => {
    s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    schedule = t.app.get(NotificationSchedule);
    other = new NotificationSchedule(
      t.app.get(NotificationsService),
      t.app.get(ActionsService),
      t.app.get(MeetingsService),
      t.app.get(AppConfig),
      t.app.get(Clock),
      t.app.get(RunOnce),
    );
    room = (
      await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: new Date(t.clock.now().getTime() + 70 * 86_400_000).toISOString(), durationMinutes: 60 })
        .expect(201)
    ).body.id;
    await t.sendMail(); // the factories' activation mails
    sink.messages.length = 0;
  });
  /** After the clock jumped days ahead, the sessions have expired: everyone signs in again. */
  async function signInAgain(): Promise<void> {
    for (const p of [s.coordinator, s.core, s.shell, s.volunteer]) p.agent = await t.login(p.user.email);
  }
  beforeEach(async () => {
    sink.messages.length = 0;
    await signInAgain();
  });

  const newCase = async () => (await s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody()).expect(201)).body;
  /** An action on the case, agreed on the room's agenda, for the shell partner's organisation. */
  async function assign(caseId: string, description: string, dueDate: string) {
    const agenda = (await s.coordinator.agent.post(`/api/meetings/${room}/agenda`).send({ kind: 'RUNNING_CASE', caseId }).expect(201)).body
      .agenda;
    const item = agenda.find((i: { case: { id: string } | null }) => i.case?.id === caseId);
    return (
      await s.coordinator.agent
        .post(`/api/meetings/${room}/agenda/${item.id}/actions`)
        .send({ description, ownerOrganisationId: s.shell.organisation.id, dueDate })
        .expect(201)
    ).body;
  }
  const bell = async (agent = s.shell.agent) => (await agent.get('/api/notifications').expect(200)).body;
  const dueIn = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000 + 3_600_000).toISOString().slice(0, 10);
  const noIdentity = (mails: ParsedMail[]) => {
    for (const m of mails)
      for (const marker of CANARY_MARKERS) expect({ marker, found: whole(m).includes(marker) }).toEqual({ marker, found: false });
  };

  it('an action assigned: the owning organisation’s users hear it at once, by case label, with a link and List-Unsubscribe', async () => {
    const theCase = await newCase();
    const action = await assign(theCase.id, 'Huisbezoek afleggen en de situatie bekijken', dueIn(10));
    expect(await t.sendMail()).toBe(1);
    const [mail] = sink.to(s.shell.user.email);
    expect(sink.messages).toHaveLength(1);
    expect(mail.subject).toBe(`Nieuwe actie voor je organisatie (${action.case.label})`);
    expect(mail.text).toContain(`In het netwerk ${s.network.name} is een actie aan je organisatie toegewezen bij ${action.case.label}`);
    expect(mail.text).toContain(`${BASE}/acties`);
    expect(listUnsubscribe(mail)).toBe(`<${BASE}/account/meldingen>`);
    // The description is free text: it never leaves in a mail.
    expect(whole(mail)).not.toContain('Huisbezoek');
    noIdentity(sink.messages);

    const mine = await bell();
    expect(mine.unread).toBeGreaterThanOrEqual(1);
    expect(mine.items[0]).toMatchObject({ kind: 'ACTION_ASSIGNED', link: '/acties', networkName: s.network.name, readAt: null });
    expect(mine.items[0].params.caseLabel).toBe(action.case.label);
    // The coordinator did it and hears nothing; the core partner's organisation is not the owner.
    expect((await bell(s.coordinator.agent)).items.filter((n: { kind: string }) => n.kind === 'ACTION_ASSIGNED')).toEqual([]);
    expect((await bell(s.core.agent)).items.filter((n: { kind: string }) => n.kind === 'ACTION_ASSIGNED')).toEqual([]);
  });

  it('marks one read, then all; another user’s notification does not exist for you', async () => {
    const before = await bell();
    const first = before.items[0];
    await s.core.agent.post(`/api/notifications/${first.id}/read`).expect(404);
    await s.shell.agent.post(`/api/notifications/${first.id}/read`).expect(204);
    const after = await bell();
    expect(after.items.find((n: { id: string }) => n.id === first.id).readAt).not.toBeNull();
    expect(after.unread).toBe(before.unread - 1);
    await s.shell.agent.post('/api/notifications/read-all').expect(204);
    expect((await bell()).unread).toBe(0);
    await s.shell.agent.get('/api/notifications?limit=0').expect(400);
  });

  it('respects settings: off sends no mail but keeps the bell; a calendar invitation cannot go into a digest', async () => {
    const settings = (await s.shell.agent.get('/api/me/notification-settings').expect(200)).body;
    expect(settings.digestHour).toBe(7);
    expect(settings.settings.find((x: { kind: string }) => x.kind === 'MEETING_INVITATION')).toEqual({
      kind: 'MEETING_INVITATION',
      mode: 'IMMEDIATE',
      modes: ['IMMEDIATE', 'OFF'],
    });
    const refused = await s.shell.agent
      .put('/api/me/notification-settings')
      .send({ settings: [{ kind: 'MEETING_INVITATION', mode: 'DIGEST' }] })
      .expect(400);
    expect(refused.body.message).toContain('dagelijks overzicht');
    await s.shell.agent
      .put('/api/me/notification-settings')
      .send({ settings: [{ kind: 'BOGUS', mode: 'OFF' }] })
      .expect(400);
    // Found by the fuzzer: a list in the list was a 500.
    await s.shell.agent
      .put('/api/me/notification-settings')
      .send({ settings: [[], { kind: 'MEETING_AGENDA', mode: 'IMMEDIATE' }] })
      .expect(400);
    await s.shell.agent
      .put('/api/me/notification-settings')
      .send({ settings: [null] })
      .expect(400);
    const put = await s.shell.agent
      .put('/api/me/notification-settings')
      .send({ settings: [{ kind: 'ACTION_ASSIGNED', mode: 'OFF' }] })
      .expect(200);
    expect(put.body.settings.find((x: { kind: string }) => x.kind === 'ACTION_ASSIGNED').mode).toBe('OFF');

    const theCase = await newCase();
    await assign(theCase.id, 'Contact opnemen met de huisarts', dueIn(10));
    expect(await t.sendMail()).toBe(0);
    expect((await bell()).items[0]).toMatchObject({ kind: 'ACTION_ASSIGNED', readAt: null });
    await s.shell.agent.put('/api/me/notification-settings').send({ settings: [{ kind: 'ACTION_ASSIGNED', mode: 'IMMEDIATE' }] });
  });

  it('due in three days and overdue: once each, however often and by however many instances the schedule runs', async () => {
    const theCase = await newCase();
    await assign(theCase.id, 'Woningbezoek', dueIn(5));
    await t.sendMail();
    sink.messages.length = 0;
    await s.shell.agent.put('/api/me/notification-settings').send({ settings: [{ kind: 'ACTION_DUE_SOON', mode: 'IMMEDIATE' }] });
    await schedule.runOnce();
    expect(await t.sendMail()).toBe(0); // five days ahead: nothing yet
    t.clock.advanceDays(2);
    // Two instances at once: the per-user key lets one of them make it.
    const made = await Promise.all([schedule.runOnce(), other.runOnce()]);
    expect(made.reduce((a, b) => a + b)).toBe(1);
    await schedule.runOnce();
    expect(await t.sendMail()).toBe(1);
    expect(sink.to(s.shell.user.email)[0].subject).toMatch(/^Actie verloopt op /);
    t.clock.advanceDays(4);
    await schedule.runOnce();
    await schedule.runOnce();
    await t.sendMail();
    const overdue = sink.messages.filter((m) => m.subject?.startsWith('Actie over de datum'));
    expect(overdue).toHaveLength(1);
    expect(overdue[0].to).toMatchObject({ value: [{ address: s.shell.user.email }] });
    noIdentity(sink.messages);
  });

  it('the daily digest: what came before the digest hour, once that day, and nothing twice', async () => {
    await s.shell.agent.put('/api/me/notification-settings').send({ settings: [{ kind: 'ACTION_ASSIGNED', mode: 'DIGEST' }] });
    // Move to 05:00 Amsterdam the next day.
    const now = t.clock.now();
    const amsterdamHour = Number(
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Amsterdam' }).format(now),
    );
    t.clock.advanceMinutes(((24 - amsterdamHour + 5) % 24 || 24) * 60);
    await signInAgain();
    const theCase = await newCase();
    for (const description of ['Eerste actie', 'Tweede actie']) await assign(theCase.id, description, dueIn(20));
    await schedule.runOnce();
    await t.sendMail();
    expect(sink.messages.filter((m) => m.subject?.startsWith('Je meldingen'))).toEqual([]); // before 07:00: no digest yet
    t.clock.advanceMinutes(2 * 60 + 30); // 07:30
    await signInAgain();
    await Promise.all([schedule.runOnce(), other.runOnce()]);
    await schedule.runOnce();
    await t.sendMail();
    const digests = sink.to(s.shell.user.email).filter((m) => m.subject?.startsWith('Je meldingen van Casustafel'));
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('Je meldingen van Casustafel: 2 nieuwe');
    expect(digests[0].text).toContain(`${BASE}/acties`);
    expect(listUnsubscribe(digests[0])).toBe(`<${BASE}/account/meldingen>`);
    noIdentity(sink.messages);
    // A later one waits for tomorrow's digest.
    await assign(theCase.id, 'Derde actie', dueIn(20));
    sink.messages.length = 0;
    await schedule.runOnce();
    expect(await t.sendMail()).toBe(0);
    t.clock.advanceDays(1);
    await signInAgain();
    await schedule.runOnce();
    await t.sendMail();
    expect(sink.to(s.shell.user.email).filter((m) => m.subject === 'Je meldingen van Casustafel: 1 nieuwe')).toHaveLength(1);
    await s.shell.agent.put('/api/me/notification-settings').send({ settings: [{ kind: 'ACTION_ASSIGNED', mode: 'IMMEDIATE' }] });
  });

  it('a case’s status: the organisation that brought it in hears it with the reason in the app, never in the mail', async () => {
    const theCase = await newCase();
    await s.coordinator.agent.patch(`/api/cases/${theCase.id}`).send({ status: 'ACCEPTED' }).expect(200);
    await s.coordinator.agent.patch(`/api/cases/${theCase.id}`).send({ status: 'CLOSED', reason: STATUS_REASON }).expect(200);
    await t.sendMail();
    const mails = sink.to(s.core.user.email);
    const label = `Casus ${theCase.number} · ${theCase.pseudonym}`;
    expect(mails.map((m) => m.subject)).toEqual([`Nieuwe status: geaccepteerd (${label})`, `Nieuwe status: afgesloten (${label})`]);
    expect(whole(mails[1])).not.toContain('thuiszorg');
    expect(mails[1].text).toContain('De toelichting van de coördinator lees je in Casustafel.');
    const closed = (await bell(s.core.agent)).items.find((n: { kind: string; params: { status: string } }) => n.params.status === 'CLOSED');
    expect(closed).toMatchObject({ kind: 'CASE_STATUS_CHANGED', link: `/casussen/${theCase.id}`, params: { reason: STATUS_REASON } });
    // Only the submitting organisation: the shell partner did not bring it in.
    expect(sink.to(s.shell.user.email)).toEqual([]);
    noIdentity(sink.messages);
  });

  it('a consultative question answered, and a follow-up asked: the asking organisation hears both', async () => {
    const created = (await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question).expect(201)).body;
    await s.coordinator.agent
      .post(`/api/questions/${created.id}/answer`)
      .send({ advice: 'Ga samen op huisbezoek.', severity: 'MEDIUM', recommendation: 'BRING_IN_AS_CASE_WITH_CONSENT' })
      .expect(200);
    await s.coordinator.agent.post(`/api/questions/${created.id}/messages`).send({ text: 'Weet je of zij familie heeft?' }).expect(201);
    // The asker's own reply is no news for the asker.
    await s.volunteer.agent.post(`/api/questions/${created.id}/messages`).send({ text: 'Een zoon die langskomt.' }).expect(201);
    await t.sendMail();
    expect(sink.to(s.volunteer.user.email).map((m) => m.subject)).toEqual([
      `Je consultatieve vraag in ${s.network.name} is beantwoord`,
      `Vervolgvraag over je consultatieve vraag in ${s.network.name}`,
    ]);
    expect(sink.messages).toHaveLength(2);
    expect(sink.to(s.volunteer.user.email)[0].text).toContain(`${BASE}/vragen/${created.id}`);
    expect(whole(sink.messages[1])).not.toContain('familie');
  });

  it('a meeting planned, moved and cancelled: one invitation each, METHOD, a stable UID, SEQUENCE raised, the Amsterdam zone', async () => {
    const startsAt = new Date(t.clock.now().getTime() + 14 * 86_400_000);
    startsAt.setUTCHours(8, 30, 0, 0);
    const m = (
      await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: startsAt.toISOString(), durationMinutes: 90, location: 'Buurthuis De Kern' })
        .expect(201)
    ).body;
    await t.sendMail();
    // Everyone who may see the network's meetings, the coordinator who planned it included (for their own calendar).
    const invited = [s.coordinator, s.core, s.shell, s.volunteer].map((p) => p.user.email).sort();
    expect(sink.messages.map((x) => (x.to as { value: { address: string }[] }).value[0].address).sort()).toEqual(invited);
    const first = invitation(sink.to(s.shell.user.email)[0]);
    expect(first).toMatchObject({
      method: 'REQUEST',
      uid: `meeting-${m.id}@casustafel`,
      sequence: 0,
      start: startsAt.toISOString(),
      status: 'CONFIRMED',
    });
    expect(first.contentType).toContain('text/calendar');
    expect(first.organizer.toLowerCase()).toBe('mailto:casustafel@gemeente.test');
    expect(first.attendee.toLowerCase()).toBe(`mailto:${s.shell.user.email}`);
    expect(sink.to(s.shell.user.email)[0].subject).toMatch(/^Uitnodiging: overleg /);

    sink.messages.length = 0;
    const moved = new Date(startsAt.getTime() + 86_400_000);
    await s.core.agent.patch(`/api/meetings/${m.id}`).send({ startsAt: moved.toISOString() }).expect(403);
    await s.coordinator.agent.patch(`/api/meetings/${m.id}`).send({ startsAt: moved.toISOString() }).expect(200);
    await s.coordinator.agent.patch(`/api/meetings/${m.id}`).send({ startsAt: moved.toISOString() }).expect(200); // no change, nothing sent
    await t.sendMail();
    expect(sink.messages).toHaveLength(4);
    const second = invitation(sink.to(s.shell.user.email)[0]);
    expect(second).toMatchObject({ method: 'REQUEST', uid: first.uid, sequence: 1, start: moved.toISOString() });
    expect(sink.to(s.shell.user.email)[0].subject).toMatch(/^Gewijzigd: overleg /);

    // An online link is added, then removed again with an empty one: each a change (SEQUENCE 2, 3).
    await s.coordinator.agent.patch(`/api/meetings/${m.id}`).send({ onlineUrl: 'http://meet.example.nl/x' }).expect(400);
    const online = (await s.coordinator.agent.patch(`/api/meetings/${m.id}`).send({ onlineUrl: 'https://meet.example.nl/x' }).expect(200))
      .body;
    expect(online.onlineUrl).toBe('https://meet.example.nl/x');
    const offline = (await s.coordinator.agent.patch(`/api/meetings/${m.id}`).send({ onlineUrl: '' }).expect(200)).body;
    expect(offline.onlineUrl).toBeNull();
    await s.coordinator.agent.patch(`/api/meetings/${m.id}`).send({ onlineUrl: '' }).expect(200); // no change, nothing sent
    await t.sendMail();
    expect(invitation(sink.to(s.shell.user.email).at(-1)!)).toMatchObject({ method: 'REQUEST', uid: first.uid, sequence: 3 });

    sink.messages.length = 0;
    await s.coordinator.agent.post(`/api/meetings/${m.id}/cancel`).send({ reason: 'De voorzitter is ziek.' }).expect(200);
    await t.sendMail();
    expect(sink.messages).toHaveLength(4);
    const third = invitation(sink.to(s.shell.user.email)[0]);
    expect(third).toMatchObject({ method: 'CANCEL', uid: first.uid, sequence: 4, status: 'CANCELLED' });
    expect(whole(sink.to(s.shell.user.email)[0])).not.toContain('ziek');
    // A cancelled meeting is not moved any more.
    await s.coordinator.agent.patch(`/api/meetings/${m.id}`).send({ durationMinutes: 60 }).expect(409);
  });

  it('a series invites for the coming weeks now and for the later meetings as they come near; the agenda goes out ahead', async () => {
    const startsAt = new Date(t.clock.now().getTime() + 7 * 86_400_000);
    const series = (
      await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: startsAt.toISOString(), durationMinutes: 60, repeat: { everyWeeks: 4, count: 4 } })
        .expect(201)
    ).body as { id: string }[];
    await t.sendMail();
    // Weeks 1 and 5 are within six weeks; weeks 9 and 13 not yet.
    // Only this series: the meeting the actions were agreed in comes within six weeks too by now.
    const ours = new Set(series.map((x) => `meeting-${x.id}@casustafel`));
    const uids = () =>
      sink
        .to(s.shell.user.email)
        .filter((x) => x.subject?.startsWith('Uitnodiging'))
        .map((x) => invitation(x).uid)
        .filter((uid) => ours.has(uid));
    expect(uids()).toEqual([`meeting-${series[0].id}@casustafel`, `meeting-${series[1].id}@casustafel`]);
    await schedule.runOnce();
    await t.sendMail();
    expect(uids()).toHaveLength(2);
    // Four days before the first: its agenda (three days ahead) is not due yet; a day later it is.
    t.clock.advanceDays(3);
    await schedule.runOnce();
    await t.sendMail();
    expect(sink.to(s.shell.user.email).filter((x) => x.subject?.startsWith('Agenda:'))).toHaveLength(0);
    t.clock.advanceDays(1.1);
    await schedule.runOnce();
    await schedule.runOnce();
    await t.sendMail();
    expect(sink.to(s.shell.user.email).filter((x) => x.subject?.startsWith('Agenda:'))).toHaveLength(1);
    // Three weeks on, the third meeting (week 9) is within six weeks; the fourth (week 13) not yet.
    t.clock.advanceDays(18);
    await schedule.runOnce();
    await t.sendMail();
    expect(uids()).toEqual(series.slice(0, 3).map((x) => `meeting-${x.id}@casustafel`));
  });

  it('minutes sent: the organisations present are asked for comments; approved: every member hears it', async () => {
    const m = (
      await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/meetings`)
        .send({ startsAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(), durationMinutes: 60 })
        .expect(201)
    ).body;
    await s.coordinator.agent
      .put(`/api/meetings/${m.id}/attendance`)
      .send({
        attendance: [
          { organisationId: s.core.organisation.id, status: 'PRESENT', userIds: [s.core.user.id] },
          { organisationId: s.shell.organisation.id, status: 'ABSENT', userIds: [] },
        ],
      })
      .expect(200);
    await s.coordinator.agent.post(`/api/meetings/${m.id}/start`).expect(200);
    await s.coordinator.agent.post(`/api/meetings/${m.id}/close`).expect(200);
    await t.sendMail();
    sink.messages.length = 0;
    await s.coordinator.agent.post(`/api/meetings/${m.id}/minutes/send`).expect(200);
    await t.sendMail();
    expect(sink.messages.map((x) => x.subject)).toEqual([expect.stringMatching(/^Verslag ter becommentariëring: overleg /)]);
    expect(sink.to(s.core.user.email)).toHaveLength(1);
    sink.messages.length = 0;
    await s.core.agent.put('/api/me/notification-settings').send({ settings: [{ kind: 'MINUTES_APPROVED', mode: 'IMMEDIATE' }] });
    await s.shell.agent.put('/api/me/notification-settings').send({ settings: [{ kind: 'MINUTES_APPROVED', mode: 'IMMEDIATE' }] });
    await s.coordinator.agent.post(`/api/meetings/${m.id}/minutes/approve`).send({ reason: 'Geen volgend overleg gepland.' }).expect(200);
    await t.sendMail();
    expect(sink.messages.map((x) => (x.to as { value: { address: string }[] }).value[0].address).sort()).toEqual(
      [s.core.user.email, s.shell.user.email].sort(),
    );
  });

  it('a referral: the receiving coordinator hears of it by pseudonym; the decision reaches the referring coordinator, and the submitter hears the case moved on', async () => {
    const other = await make.staffedNetwork('OGGZ', { accepted: true });
    await t.sendMail();
    sink.messages.length = 0;
    const theCase = await newCase();
    const label = `Casus ${theCase.number} · ${theCase.pseudonym}`;
    const reason = 'Escalerende overlast: past beter bij de bemoeizorg van het OGGZ-netwerk.';
    const referral = (
      await s.coordinator.agent.post(`/api/cases/${theCase.id}/referrals`).send({ toNetworkId: other.network.id, reason }).expect(201)
    ).body;
    await t.sendMail();
    expect(sink.messages.map((m) => [(m.to as { value: { address: string }[] }).value[0].address, m.subject])).toEqual([
      [other.coordinator.user.email, `Doorverwijzing uit het netwerk ${s.network.name}`],
    ]);
    const received = sink.messages[0];
    expect(received.text).toContain(`vraagt ${other.network.name} een casus over te nemen: ${label}.`);
    expect(received.text).toContain(`${BASE}/netwerken/${other.network.id}`);
    expect(whole(received)).not.toContain('Escalerende');
    expect((await bell(other.coordinator.agent)).items[0]).toMatchObject({ kind: 'REFERRAL_RECEIVED', params: { caseLabel: label } });
    // Nobody else in the receiving network hears of it.
    expect((await bell(other.core.agent)).items).toEqual([]);
    // The receiving coordinator's work queue counts it until it is decided.
    const waiting = async () =>
      (await other.coordinator.agent.get(`/api/networks/${other.network.id}/overview`).expect(200)).body.referralsWaiting;
    expect(await waiting()).toBe(1);
    expect((await other.core.agent.get(`/api/networks/${other.network.id}/overview`).expect(200)).body.referralsWaiting).toBe(0);

    sink.messages.length = 0;
    await other.coordinator.agent.post(`/api/referrals/${referral.id}/accept`).expect(200);
    expect(await waiting()).toBe(0);
    await t.sendMail();
    const subjects = sink.messages.map((m) => [(m.to as { value: { address: string }[] }).value[0].address, m.subject]);
    expect(subjects).toEqual(
      expect.arrayContaining([
        [s.coordinator.user.email, `Doorverwijzing aangenomen door ${other.network.name} (${label})`],
        [s.core.user.email, `Nieuwe status: doorverwezen (${label})`],
      ]),
    );
    expect(subjects).toHaveLength(2);
    expect(sink.to(s.core.user.email)[0].text).toContain(`(overgedragen aan het netwerk ${other.network.name})`);
    noIdentity(sink.messages);

    // Declined: the referring coordinator hears it; the case stays, so its submitter hears nothing.
    const second = await newCase();
    const declined = (
      await s.coordinator.agent.post(`/api/cases/${second.id}/referrals`).send({ toNetworkId: other.network.id, reason }).expect(201)
    ).body;
    await t.sendMail();
    sink.messages.length = 0;
    await other.coordinator.agent
      .post(`/api/referrals/${declined.id}/decline`)
      .send({ reason: 'Past niet bij onze doelgroep.' })
      .expect(200);
    await t.sendMail();
    expect(sink.messages.map((m) => m.subject)).toEqual([
      `Doorverwijzing afgewezen door ${other.network.name} (Casus ${second.number} · ${second.pseudonym})`,
    ]);
    expect(whole(sink.messages[0])).not.toContain('doelgroep');
  });
});
