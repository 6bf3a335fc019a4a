import { execFileSync } from 'node:child_process';
import type { Response } from 'superagent';
import { DataSource, IsNull } from 'typeorm';
import { COVENANT_TEMPLATES } from '../src/covenants/covenant-templates';
import { MailMessage } from '../src/mail/mail-message.entity';
import { MAIL_TEMPLATES, renderMail, type MailTemplate, type MailTemplates } from '../src/mail/mail-templates';
import { NotificationSchedule } from '../src/notifications/notification-schedule';
import { decideDisclosure } from '../src/privacy/disclosure-policy';
import type { Consent, CovenantRole, DisclosureContext, DisclosureLevel, NetworkKind } from '@casustafel/contract/enums';
import { caseBody } from './support/factories';
import { CapturingLogger, type Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';
import { answerProblems, type CheckedSchema } from './support/schema-check';

/**
 * The leak crawler (issue #9). It reads the OpenAPI document and calls EVERY GET route — JSON,
 * CSV, PDF (read with pdftotext), iCal — as every role of an OGGZ and a neighbourhood network, a
 * meeting guest, the municipality (issue #13: figures only, so no case, no free text at all), the administrator and someone from outside, with canary clients present (consent
 * given and refused). No canary value may appear in any body, header or log line beyond what the
 * disclosure policy grants that viewer, and no trace (id, label, pseudonym, number) of a case that
 * is hidden from them. A route added later is crawled without anyone writing a test for it; a
 * route whose path parameters the crawler cannot fill fails the test until it is taught how.
 */

const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

interface Canary {
  id: string;
  networkId: string;
  kind: NetworkKind;
  number: string;
  pseudonym: string;
  consent: Consent;
  submitterId: string;
  submitterOrganisationId: string;
  /** Values only FULL shows, and the postcode (FULL and ADDRESS). */
  full: string[];
  postcode: string[];
}

interface Viewer {
  name: string;
  agent: Agent;
  userId: string;
  organisationId: string;
  /** The network they hold a role in, and that role (GUEST for the invited guest). */
  networkId: string | null;
  role: CovenantRole | 'MUNICIPALITY' | null;
  calendarFile: string;
}

const CLIENTS: Record<NetworkKind, { given: Record<string, unknown>; refused: Record<string, unknown> }> = {
  NEIGHBOURHOOD: {
    given: {
      givenName: 'Wiebrand',
      surname: 'van Kemphaantjesveld',
      dateOfBirth: '1944-02-11',
      street: 'Grutto-oeverlaan',
      houseNumber: '31',
      postcode: '3821 QP',
      city: 'Amersfoort',
      phone: '06 71 82 93 04',
    },
    refused: {
      givenName: 'Roelofje',
      surname: 'Tureluurhoeve',
      dateOfBirth: '1957-08-23',
      street: 'Kluutenweidepad',
      houseNumber: '5',
      postcode: '3822 XR',
      city: 'Amersfoort',
      phone: '06 62 73 84 95',
    },
  },
  OGGZ: {
    given: {
      givenName: 'Harmpje',
      surname: 'Wulpenbroekstra',
      dateOfBirth: '1949-11-30',
      street: 'Scholeksterdreef',
      houseNumber: '118',
      postcode: '3823 WV',
      city: 'Amersfoort',
      phone: '06 53 64 75 86',
    },
    refused: {
      givenName: 'Aaltje',
      surname: 'de Kievitsbloem',
      dateOfBirth: '1962-06-14',
      street: 'Plevierenkamp',
      houseNumber: '9',
      postcode: '3824 YT',
      city: 'Amersfoort',
      phone: '06 44 55 66 77',
    },
  },
};

const fullMarkers = (c: Record<string, unknown>) => {
  const surname = String(c['surname']).split(' ').pop()!;
  const phone = String(c['phone']);
  return [String(c['givenName']), surname, String(c['street']), String(c['dateOfBirth']), phone, phone.replace(/\s/g, '')];
};
const postcodeMarkers = (c: Record<string, unknown>) => [String(c['postcode']), String(c['postcode']).replace(/\s/g, '')];
const RANKED: DisclosureLevel[] = ['HIDDEN', 'PSEUDONYM', 'ADDRESS', 'INITIALS', 'FULL'];

describe('Leak crawler: every GET route, every viewer', () => {
  const logger = new CapturingLogger();
  const { t, make } = useTestApp({ logger });
  const canaries: Canary[] = [];
  const viewers: Viewer[] = [];
  const ids = {
    networks: [] as string[],
    meetings: [] as string[],
    questions: [] as string[],
    users: [] as string[],
    organisations: [] as string[],
  };
  /** Issue #14: a case referred to another network, still waiting: its id → the receiving network, and the coordinators of each network. */
  const referred = new Map<string, string>();
  const coordinators = new Map<string, { agent: Agent; userId: string }>();
  const REFERRAL_REASON = 'Escalerende overlast: past beter bij de bemoeizorg van het OGGZ-netwerk.';
  /** Organisation → cases on which it holds an open action (rule 4 of the policy). */
  const openActions = new Map<string, Set<string>>();
  /** Per network: the running meeting, who is present, and which case the guest came for. */
  const running = new Map<string, { present: Set<string>; guestUserId: string; guestCaseId: string }>();
  /** Per network: the situation text of a question on its running meeting's agenda (members only; not the guest's item). */
  const agendaQuestions = new Map<string, string>();
  /**
   * Free text written in the networks — case summary, question texts and thread, advice, notes, decisions,
   * action descriptions, the meeting's location: none of it may reach the municipality, in its own network or any other.
   */
  const freeTexts = new Set<string>([
    'Oudere man, woning raakt vervuild, weigert de thuiszorg.',
    'Huisbezoek afleggen',
    'Contact leggen met de buren',
    'Analyse: vervuiling en vereenzaming.',
    'Wijkcentrum',
    'Zorgen om een buurvrouw',
    'Een oudere vrouw komt de deur niet meer uit en de post stapelt zich op.',
    'Wie kan hier op af?',
    'Vraag de wijkverpleging om langs te gaan.',
    'Dank, we pakken het op.',
    'Geblaf uit een woning',
    'Wie gaat er kijken?',
    'Escalerende overlast: past beter bij de bemoeizorg van het OGGZ-netwerk.',
  ]);

  beforeAll(async () => {
    const admin = await t.admin();
    const outsiderOrganisation = await make.organisation('FORMAL');
    const outsider = await make.user(outsiderOrganisation.id);
    viewers.push({ name: 'administrator', agent: admin, userId: '', organisationId: '', networkId: null, role: null, calendarFile: '' });
    viewers.push({
      name: 'non-member',
      agent: await t.login(outsider.email),
      userId: outsider.id,
      organisationId: outsiderOrganisation.id,
      networkId: null,
      role: null,
      calendarFile: '',
    });

    for (const kind of ['NEIGHBOURHOOD', 'OGGZ'] as const) {
      const s = await make.staffedNetwork(kind, { accepted: true });
      const n = s.network.id;
      const c = s.coordinator.agent;
      ids.networks.push(n);
      ids.organisations.push(...[s.coordinator, s.core, s.shell, s.volunteer].map((p) => p.organisation.id));
      ids.users.push(...[s.coordinator, s.core, s.shell, s.volunteer].map((p) => p.user.id));
      coordinators.set(n, { agent: c, userId: s.coordinator.user.id });

      // Two canary clients, brought in by the core partner: one with consent, one without.
      for (const [consent, client] of [
        ['GIVEN', CLIENTS[kind].given],
        ['REFUSED', CLIENTS[kind].refused],
      ] as const) {
        const created = (await s.core.agent.post(`/api/networks/${n}/cases`).send(caseBody({ client, consent })).expect(201)).body;
        await c.patch(`/api/cases/${created.id}`).send({ status: 'ACCEPTED' }).expect(200);
        canaries.push({
          id: created.id,
          networkId: n,
          kind,
          number: created.number,
          pseudonym: created.pseudonym,
          consent,
          submitterId: s.core.user.id,
          submitterOrganisationId: s.core.organisation.id,
          full: fullMarkers(client),
          postcode: postcodeMarkers(client),
        });
      }
      const [given, refused] = canaries.slice(-2);

      // A meeting with both cases, actions by the core (on the first) and the shell (on the second), closed: minutes.
      const start = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
      const first = (
        await c
          .post(`/api/networks/${n}/meetings`)
          .send({ startsAt: start(1), durationMinutes: 90, location: 'Wijkcentrum' })
          .expect(201)
      ).body.id;
      const agenda = (await c.post(`/api/meetings/${first}/agenda/assemble`).expect(200)).body.agenda as {
        id: string;
        case: { id: string } | null;
      }[];
      const itemOf = (caseId: string) => agenda.find((i) => i.case?.id === caseId)!.id;
      const presentOrgs = [s.coordinator, s.core, s.shell];
      const attendance = {
        attendance: [
          ...presentOrgs.map((p) => ({ organisationId: p.organisation.id, status: 'PRESENT', userIds: [p.user.id] })),
          { organisationId: s.volunteer.organisation.id, status: 'EXCUSED', userIds: [] },
        ],
      };
      await c.put(`/api/meetings/${first}/attendance`).send(attendance).expect(200);
      await c.post(`/api/meetings/${first}/start`).expect(200);
      await c
        .post(`/api/meetings/${first}/agenda/${itemOf(given.id)}/actions`)
        .send({ description: 'Huisbezoek afleggen', ownerOrganisationId: s.core.organisation.id, dueDate: '2026-11-10' })
        .expect(201);
      await c
        .post(`/api/meetings/${first}/agenda/${itemOf(refused.id)}/actions`)
        .send({ description: 'Contact leggen met de buren', ownerOrganisationId: s.shell.organisation.id, dueDate: '2026-12-10' })
        .expect(201);
      openActions.set(s.core.organisation.id, new Set([given.id]));
      openActions.set(s.shell.organisation.id, new Set([refused.id]));

      // Whoever sees a client in full tries to put it in free text: the guard must refuse every attempt.
      const surname = given.full[1];
      const item = (await c.get(`/api/meetings/${first}`).expect(200)).body.agenda.find((i: { id: string }) => i.id === itemOf(given.id));
      const attempts = [
        await c.patch(`/api/meetings/${first}/agenda/${item.id}`).send({ notes: `${surname} was aanwezig.`, version: item.version }),
        await c
          .post(`/api/meetings/${first}/agenda/${item.id}/actions`)
          .send({ description: `Bellen met ${surname}`, ownerOrganisationId: s.core.organisation.id, dueDate: '2026-12-01' }),
        await c.patch(`/api/cases/${given.id}`).send({ status: 'MONITORING', reason: `${given.full[2]} blijft in beeld.` }),
        await c.post(`/api/networks/${n}/meetings`).send({ startsAt: start(9), durationMinutes: 60, location: `Bij ${surname} thuis` }),
      ];
      expect(attempts.map((r) => r.status)).toEqual([422, 422, 422, 422]);

      await c
        .patch(`/api/meetings/${first}/agenda/${item.id}`)
        .send({ notes: 'Analyse: vervuiling en vereenzaming.', decisions: 'Huisbezoek.', version: item.version })
        .expect(200);
      await c.post(`/api/meetings/${first}/close`).expect(200);
      await c.post(`/api/meetings/${first}/minutes/send`).expect(200);

      // An open question that goes on the second meeting's agenda with its text (live mode answers it in place):
      // readable by the network's members, never by a guest who did not come for it, nor by anyone outside.
      const agendaSituation = `${kind}: een buurtbewoner hoort al dagen geblaf uit een woning waar niemand opendoet.`;
      const agendaQuestion = (
        await s.volunteer.agent
          .post(`/api/networks/${n}/questions`)
          .send({
            title: 'Geblaf uit een woning',
            situation: agendaSituation,
            question: 'Wie gaat er kijken?',
            problemAreas: ['SOCIAL_NETWORK'],
          })
          .expect(201)
      ).body.id;
      agendaQuestions.set(n, agendaSituation);
      freeTexts.add(agendaSituation);
      ids.questions.push(agendaQuestion);

      // A second meeting, running, in which the minutes are approved; an outside guest comes for the first case.
      const second = (
        await c
          .post(`/api/networks/${n}/meetings`)
          .send({ startsAt: start(2), durationMinutes: 90 })
          .expect(201)
      ).body.id;
      const secondAgenda = (await c.post(`/api/meetings/${second}/agenda/assemble`).expect(200)).body.agenda as {
        id: string;
        case: { id: string } | null;
      }[];
      await c.put(`/api/meetings/${second}/attendance`).send(attendance).expect(200);
      const guestOrganisation = await make.organisation('FORMAL');
      const guestUser = await make.user(guestOrganisation.id);
      await c
        .post(`/api/meetings/${second}/guests`)
        .send({ userId: guestUser.id, itemIds: [secondAgenda.find((i) => i.case?.id === given.id)!.id] })
        .expect(201);
      const guest = await t.login(guestUser.email);
      await guest.post(`/api/meetings/${second}/confidentiality/accept`).expect(200);
      await c.post(`/api/meetings/${second}/start`).expect(200);
      await c.post(`/api/meetings/${first}/minutes/approve`).send({}).expect(200);
      running.set(n, { present: new Set(presentOrgs.map((p) => p.organisation.id)), guestUserId: guestUser.id, guestCaseId: given.id });
      ids.meetings.push(first, second);

      // A consultative question, answered, with a thread.
      const q = (
        await s.volunteer.agent
          .post(`/api/networks/${n}/questions`)
          .send({
            title: 'Zorgen om een buurvrouw',
            situation: 'Een oudere vrouw komt de deur niet meer uit en de post stapelt zich op.',
            question: 'Wie kan hier op af?',
            problemAreas: ['SOCIAL_NETWORK'],
          })
          .expect(201)
      ).body.id;
      await c
        .post(`/api/questions/${q}/answer`)
        .send({ advice: 'Vraag de wijkverpleging om langs te gaan.', severity: 'MEDIUM', recommendation: 'ADVICE_ONLY' })
        .expect(200);
      await s.volunteer.agent.post(`/api/questions/${q}/messages`).send({ text: 'Dank, we pakken het op.' }).expect(201);
      ids.questions.push(q);

      const roles: [string, { user: { id: string }; organisation: { id: string }; agent: Agent }, CovenantRole][] = [
        ['coordinator', s.coordinator, 'COORDINATOR'],
        ['core partner', s.core, 'CORE_PARTNER'],
        ['shell partner', s.shell, 'SHELL_PARTNER'],
        ['volunteer rep', s.volunteer, 'VOLUNTEER_REP'],
      ];
      for (const [name, person, role] of roles)
        viewers.push({
          name: `${kind} ${name}`,
          agent: person.agent,
          userId: person.user.id,
          organisationId: person.organisation.id,
          networkId: n,
          role,
          calendarFile: '',
        });
      // The municipality: a government organisation's user with the role MUNICIPALITY in this network (ADR 0019).
      const government = await make.organisation('GOVERNMENT');
      const official = await make.user(government.id);
      await make.role(n, official.id, 'MUNICIPALITY');
      viewers.push({
        name: `${kind} municipality`,
        agent: await t.login(official.email),
        userId: official.id,
        organisationId: government.id,
        networkId: n,
        role: 'MUNICIPALITY',
        calendarFile: '',
      });
      viewers.push({
        name: `${kind} meeting guest`,
        agent: guest,
        userId: guestUser.id,
        organisationId: guestOrganisation.id,
        networkId: n,
        role: 'GUEST',
        calendarFile: '',
      });
    }
    for (const v of viewers.filter((v) => v.userId))
      v.calendarFile = (await v.agent.post('/api/calendar/token').expect(201)).body.url.split('/').pop();

    // Issue #14: the neighbourhood network refers its client with consent to the OGGZ network, and nobody
    // has decided yet. Its coordinator may see the pseudonym, problem areas, urgency and reason — no identity.
    const [neighbourhood, oggz] = ids.networks;
    const x = canaries.find((c) => c.networkId === neighbourhood && c.consent === 'GIVEN')!;
    await coordinators
      .get(neighbourhood)!
      .agent.post(`/api/cases/${x.id}/referrals`)
      .send({ toNetworkId: oggz, reason: REFERRAL_REASON })
      .expect(201);
    referred.set(x.id, oggz);
  }, 300_000);

  /** The levels the policy grants this viewer for this case, over every context they can reach. */
  function grantedLevels(v: Viewer, x: Canary): Set<DisclosureLevel> {
    const levels = new Set<DisclosureLevel>(['HIDDEN']);
    // The municipality sees no case, whatever the policy says: decided here, not asked of the code under test.
    if (v.networkId !== x.networkId || v.role === null || v.role === 'MUNICIPALITY') return levels;
    const meeting = running.get(x.networkId)!;
    const contexts: DisclosureContext[] =
      v.role === 'GUEST'
        ? meeting.guestCaseId === x.id
          ? ['MEETING']
          : []
        : ['DOSSIER', 'MINUTES', ...(meeting.present.has(v.organisationId) ? (['MEETING'] as const) : [])];
    for (const context of contexts) {
      levels.add(
        decideDisclosure({
          context,
          role: v.role,
          matrix: COVENANT_TEMPLATES[x.kind].levels,
          covenantVersion: 1,
          isSubmitter: v.userId === x.submitterId,
          isSubmittingOrganisation: v.organisationId === x.submitterOrganisationId,
          holdsOpenAction: openActions.get(v.organisationId)?.has(x.id) ?? false,
          consent: x.consent,
          consentOverrideReason: null,
          confidentialityValid: true,
          identityErased: false,
        }).level,
      );
    }
    return levels;
  }

  /** The strings this viewer must never receive. */
  function forbiddenFor(v: Viewer): { what: string; value: RegExp }[] {
    const forbidden: { what: string; value: RegExp }[] = [];
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Numbers run per network and pseudonyms are drawn per network: a value shared with a case the viewer does see proves nothing.
    const visible = canaries.filter((x) => maxOf(grantedLevels(v, x)) !== 'HIDDEN');
    const visibleNumbers = new Set(visible.map((x) => x.number));
    const visiblePseudonyms = new Set(visible.map((x) => x.pseudonym));
    for (const x of canaries) {
      const levels = grantedLevels(v, x);
      if (!levels.has('FULL'))
        for (const m of x.full) forbidden.push({ what: `${x.kind} ${x.consent} identity`, value: new RegExp(escape(m)) });
      if (!levels.has('FULL') && !levels.has('ADDRESS'))
        for (const m of x.postcode) forbidden.push({ what: `${x.kind} ${x.consent} postcode`, value: new RegExp(escape(m)) });
      if (maxOf(levels) === 'HIDDEN') {
        forbidden.push({ what: `${x.kind} ${x.consent} case id`, value: new RegExp(x.id) });
        // The receiving coordinator of a waiting referral knows its pseudonym (issue #14) — still not its id, number or identity.
        const receivesIt = v.role === 'COORDINATOR' && referred.get(x.id) === v.networkId;
        if (!visiblePseudonyms.has(x.pseudonym) && !receivesIt)
          // As a word of its own: not inside another word, nor inside a hyphenated one (another canary lives on the "Grutto-oeverlaan").
          forbidden.push({ what: `${x.kind} ${x.consent} pseudonym`, value: new RegExp(`(?<![\\w-])${escape(x.pseudonym)}(?![\\w-])`) });
        if (!visibleNumbers.has(x.number))
          forbidden.push({ what: `${x.kind} ${x.consent} case number`, value: new RegExp(escape(x.number)) });
      }
    }
    // A question's text on the agenda is for the network's members: not for a guest (who sees their own items only) nor for outsiders.
    for (const [networkId, situation] of agendaQuestions)
      if (v.networkId !== networkId || v.role === 'GUEST')
        forbidden.push({ what: 'question text on the agenda', value: new RegExp(escape(situation)) });
    // The municipality: no free text of any network, not even its own.
    if (v.role === 'MUNICIPALITY') for (const text of freeTexts) forbidden.push({ what: 'free text', value: new RegExp(escape(text)) });
    return forbidden;
  }
  const maxOf = (levels: Set<DisclosureLevel>) => RANKED.filter((l) => levels.has(l)).pop()!;

  /** Concrete URLs for one route: path parameters filled from the world, plus the query variants that matter. */
  function urlsFor(path: string, parameters: { name: string; in: string }[], v: Viewer): string[] {
    let urls = [path];
    for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
      const before = path
        .slice(0, path.indexOf(`{${name}}`))
        .split('/')
        .filter(Boolean)
        .pop();
      const values =
        name === 'file' && before === 'calendar'
          ? v.calendarFile
            ? [v.calendarFile]
            : ['onbekend-onbekend-onbekend-01.ics']
          : before === 'networks'
            ? [...ids.networks, '00000000-0000-4000-8000-000000000000']
            : before === 'cases'
              ? canaries.map((c) => c.id)
              : before === 'meetings'
                ? ids.meetings
                : before === 'questions'
                  ? ids.questions
                  : before === 'users'
                    ? ids.users
                    : before === 'organisations'
                      ? ids.organisations
                      : null;
      if (!values) throw new Error(`The leak crawler cannot fill {${name}} in GET ${path}. Teach urlsFor() which ids belong there.`);
      urls = urls.flatMap((u) => values.map((value) => u.replace(`{${name}}`, value)));
    }
    const query = parameters.filter((p) => p.in === 'query').map((p) => p.name);
    const variants: string[] = [''];
    if (query.includes('q')) variants.push(...canaries.map((c) => `q=${encodeURIComponent(c.full[1])}`));
    if (query.includes('caseId')) variants.push(...canaries.map((c) => `caseId=${c.id}`));
    if (query.includes('scope'))
      variants.push(
        'scope=mine',
        ...ids.networks.map((n) => `scope=network&networkId=${n}`),
        ...ids.networks.map((n) => `scope=network&networkId=${n}&overdue=true`),
      );
    if (query.includes('version')) variants.push('version=1');
    // The figures need a period (without one they refuse with 400 and read nothing): the three years around the test clock.
    if (query.includes('from') && query.includes('to')) variants.push('from=2025-06-01&to=2028-05-31');
    if (query.includes('email')) variants.push(`email=${encodeURIComponent('admin@casustafel.test')}`);
    return urls.flatMap((u) => variants.map((q) => (q ? `${u}?${q}` : u)));
  }

  it('crawls every GET route as every viewer and finds nothing they may not see', async () => {
    const document = (await t.anonymous().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, object> }>>;
      components: { schemas: Record<string, CheckedSchema> };
    };
    const routes = Object.entries(document.paths).filter(([, ops]) => ops['get']);
    expect(routes.length).toBeGreaterThan(20);
    // Query DTOs are in the document too, so the crawl includes the surname search and the log filters.
    const queryOf = (path: string) => (document.paths[path]['get'].parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(queryOf('/api/networks/{id}/cases')).toEqual(expect.arrayContaining(['q', 'status', 'page']));
    expect(queryOf('/api/networks/{id}/access-log')).toEqual(expect.arrayContaining(['caseId', 'action', 'outcome']));
    const leaks: string[] = [];
    // Every answer is one the document declares: its status, and for JSON its shape (issue #10).
    const undeclared: string[] = [];
    const crawled = new Set<string>();
    let requests = 0;
    const bodies = { json: 0, pdf: 0, csv: 0, ics: 0 };
    for (const v of viewers) {
      const forbidden = forbiddenFor(v);
      for (const [path, ops] of routes) {
        for (const url of urlsFor(path, ops['get'].parameters ?? [], v)) {
          const res = await v.agent.get(url).buffer(true).parse(binary);
          requests++;
          crawled.add(path);
          // Every viewer crawls signed in (a 401 would crawl nothing), and nothing breaks.
          expect({ url, viewer: v.name, signedIn: res.status !== 401, error: res.status >= 500 }).toEqual({
            url,
            viewer: v.name,
            signedIn: true,
            error: false,
          });
          const type = String(res.headers['content-type'] ?? '');
          const raw = res.body as Buffer;
          let text: string;
          if (type.startsWith('application/pdf') && res.status === 200) {
            text = pdfText(raw);
            bodies.pdf++;
          } else {
            text = raw.toString('utf8');
            if (type.startsWith('text/csv')) bodies.csv++;
            else if (type.startsWith('text/calendar')) bodies.ics++;
            else bodies.json++;
          }
          for (const problem of answerProblems(ops['get'].responses, res.status, type, raw.toString('utf8'), document.components.schemas))
            undeclared.push(`${v.name} · GET ${url} (${res.status}) · ${problem}`);
          const headers = JSON.stringify(res.headers);
          for (const { what, value } of forbidden) {
            // With what surrounds the match, so that a failure says where the trace was (the canaries are fictional).
            const found = [text, headers].map((t) => ({ t, m: value.exec(t) })).find((x) => x.m);
            if (found?.m)
              leaks.push(
                `${v.name} · GET ${url} (${res.status}) · ${what} · "${found.t.slice(Math.max(0, found.m.index - 60), found.m.index + 60)}"`,
              );
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect([...new Set(undeclared)].slice(0, 50)).toEqual([]);
    expect([...crawled].sort()).toEqual(routes.map(([path]) => path).sort());
    // The crawl reached real content of every kind, not just refusals.
    expect(bodies.pdf).toBeGreaterThanOrEqual(20);
    expect(bodies.csv).toBeGreaterThanOrEqual(8);
    expect(bodies.ics).toBeGreaterThan(10);
    expect(requests).toBeGreaterThan(1000);
    // About 1,300 requests with PDFs to render and read: minutes when the machine is busy with other suites.
  }, 600_000);

  it('finds what each viewer may see where the covenant shows it (the crawler can see a leak)', async () => {
    const coordinator = viewers.find((v) => v.name === 'NEIGHBOURHOOD coordinator')!;
    const x = canaries.find((c) => c.kind === 'NEIGHBOURHOOD' && c.consent === 'GIVEN')!;
    const page = await coordinator.agent.get(`/api/cases/${x.id}`).expect(200);
    expect(forbiddenFor(coordinator).some((f) => f.value.test(page.text))).toBe(false);
    expect(page.text).toContain(x.full[1]);
    // The same page is forbidden ground for the shell partner: the crawler's rules would catch it.
    const shell = viewers.find((v) => v.name === 'NEIGHBOURHOOD shell partner')!;
    expect(forbiddenFor(shell).some((f) => f.value.test(page.text))).toBe(true);
  });

  it("shows the agenda's question text to members and checks every other viewer for it (the crawler can see that leak too)", async () => {
    const networkId = ids.networks[0];
    const situation = agendaQuestions.get(networkId)!;
    const meetingId = ids.meetings[1];
    for (const name of ['NEIGHBOURHOOD volunteer rep', 'NEIGHBOURHOOD shell partner']) {
      const member = viewers.find((v) => v.name === name)!;
      const view = (await member.agent.get(`/api/meetings/${meetingId}`).expect(200)).body;
      const item = view.agenda.find((i: { kind: string }) => i.kind === 'QUESTION');
      expect(item.question).toMatchObject({ situation, question: 'Wie gaat er kijken?', canAnswer: false });
    }
    const guest = viewers.find((v) => v.name === 'NEIGHBOURHOOD meeting guest')!;
    const asGuest = await guest.agent.get(`/api/meetings/${meetingId}`).expect(200);
    expect(asGuest.body.agenda.every((i: { kind: string }) => i.kind !== 'QUESTION')).toBe(true);
    expect(forbiddenFor(guest).some((f) => f.what === 'question text on the agenda' && f.value.test(situation))).toBe(true);
  });

  it('would catch a case, a question or a note reaching the municipality (the crawler can see those leaks)', async () => {
    const municipality = viewers.find((v) => v.name === 'NEIGHBOURHOOD municipality')!;
    const coordinator = viewers.find((v) => v.name === 'NEIGHBOURHOOD coordinator')!;
    const forbidden = forbiddenFor(municipality);
    const x = canaries.find((c) => c.kind === 'NEIGHBOURHOOD' && c.consent === 'GIVEN')!;
    const pages = [
      (await coordinator.agent.get(`/api/cases/${x.id}`).expect(200)).text,
      (await coordinator.agent.get(`/api/questions/${ids.questions[1]}`).expect(200)).text,
      (await coordinator.agent.get(`/api/meetings/${ids.meetings[0]}`).expect(200)).text,
    ];
    for (const page of pages) expect(forbidden.some((f) => f.value.test(page))).toBe(true);
    expect(forbidden.some((f) => f.what.endsWith('case number') && f.value.test(pages[0]))).toBe(true);
    expect(forbidden.some((f) => f.what.endsWith('pseudonym') && f.value.test(pages[0]))).toBe(true);
    expect(forbidden.some((f) => f.what === 'free text' && f.value.test(pages[1]))).toBe(true);
    expect(forbidden.some((f) => f.what === 'free text' && f.value.test(pages[2]))).toBe(true);
    // And what it may see, it sees: the network by name.
    const network = await municipality.agent.get(`/api/networks/${ids.networks[0]}`).expect(200);
    expect(network.body.myRole).toBe('MUNICIPALITY');
    expect(forbidden.some((f) => f.value.test(network.text))).toBe(false);
  });

  it('shows the receiving coordinator a waiting referral without any identity (the crawler reached it)', async () => {
    const [, oggz] = ids.networks;
    const receiving = viewers.find((v) => v.name === 'OGGZ coordinator')!;
    const res = await receiving.agent.get(`/api/networks/${oggz}/referrals`).expect(200);
    const [x] = [...referred.keys()].map((id) => canaries.find((c) => c.id === id)!);
    expect(res.body).toEqual([
      expect.objectContaining({ direction: 'INCOMING', pseudonym: x.pseudonym, reason: REFERRAL_REASON, caseId: null }),
    ]);
    expect(forbiddenFor(receiving).filter((f) => f.value.test(res.text))).toEqual([]);
    for (const marker of [...x.full, ...x.postcode, x.id, x.number])
      expect({ marker, shown: res.text.includes(marker) }).toEqual({ marker, shown: false });
  });

  it('answers "known in another network?" without a case or an identity, for every coordinator and case', async () => {
    const [, oggz] = ids.networks;
    for (const n of ids.networks) {
      const c = coordinators.get(n)!.agent;
      const current = (await c.get(`/api/networks/${n}/covenant`).expect(200)).body;
      await c
        .put(`/api/networks/${n}/covenant`)
        .send({
          levels: current.levels,
          retentionMonths: current.retentionMonths,
          anonymousQuestionSubmitter: current.anonymousQuestionSubmitter,
          confidentialityStatement: current.confidentialityStatement,
          knownElsewhereCheck: true,
        })
        .expect(200);
    }
    // The neighbourhood client with consent is known in the OGGZ network too (brought in there under its own number).
    const there = (
      await coordinators
        .get(oggz)!
        .agent.post(`/api/networks/${oggz}/cases`)
        .send(caseBody({ client: CLIENTS.NEIGHBOURHOOD.given }))
        .expect(201)
    ).body as { id: string; number: string; pseudonym: string };
    const answers: string[] = [];
    for (const v of viewers.filter((v) => v.role === 'COORDINATOR')) {
      const forbidden = forbiddenFor(v);
      for (const caseId of [
        ...canaries.filter((c) => c.networkId === v.networkId).map((c) => c.id),
        ...(v.networkId === oggz ? [there.id] : []),
      ]) {
        const res = await v.agent
          .post(`/api/cases/${caseId}/known-elsewhere`)
          .send({ purpose: 'Afstemmen wie de regie neemt.' })
          .expect(200);
        answers.push(res.text);
        const leaks = forbidden.filter((f) => f.value.test(res.text)).map((f) => `${v.name} · ${caseId} · ${f.what}`);
        expect(leaks).toEqual([]);
        // Never the other network's case: not its id, number or pseudonym.
        for (const other of [...canaries.filter((c) => c.networkId !== v.networkId), ...(v.networkId === oggz ? [] : [there])])
          for (const marker of [other.id, other.number]) expect(res.text.includes(marker)).toBe(false);
      }
    }
    // The crawl saw a "yes" both ways.
    expect(answers.filter((a) => JSON.parse(a).known === true)).toHaveLength(2);
  });

  it('reads every mail the crawl caused (notifications, invitations, digests): nothing its recipient may not see, and no free text', async () => {
    // What the schedule makes as well: due dates, agendas, the digest (the test clock stands after the digest hour).
    await t.app.get(NotificationSchedule).runOnce();
    const data = t.app.get(DataSource);
    const rows = await data.getRepository(MailMessage).find({ where: { sentAt: IsNull() } });
    const emails = new Map(
      (
        await data
          .createQueryBuilder()
          .select(['u."id" AS "id"', 'u."email" AS "email"'])
          .from('users', 'u')
          .getRawMany<{ id: string; email: string }>()
      ).map((u) => [u.email, u.id]),
    );
    const kinds = new Set<string>();
    const leaks: string[] = [];
    let read = 0;
    for (const row of rows.filter((r) => ['notification', 'invitation', 'digest'].includes(r.template))) {
      expect(MAIL_TEMPLATES).toContain(row.template);
      const mail = renderMail(row.template as MailTemplate, JSON.parse(row.data) as MailTemplates[MailTemplate]);
      const text = [mail.subject, mail.text, mail.html, mail.calendar?.content ?? ''].join('\n');
      const viewer = viewers.find((v) => v.userId === emails.get(row.recipient));
      // Every mail goes to someone the crawl knows, so that their rules apply.
      expect({ recipient: row.recipient, known: !!viewer }).toEqual({ recipient: row.recipient, known: true });
      kinds.add(row.template === 'notification' ? mail.subject.split(':')[0].split(' ').slice(0, 2).join(' ') : row.template);
      for (const { what, value } of forbiddenFor(viewer!)) {
        const m = value.exec(text);
        if (m) leaks.push(`${viewer!.name} · ${mail.subject} · ${what} · "${text.slice(Math.max(0, m.index - 60), m.index + 60)}"`);
      }
      // A mail leaves our hands: no free text from a case, question, note or action, whoever gets it. A meeting's
      // place is the one exception an invitation needs (the free-text guard keeps client names out of it).
      for (const free of [...freeTexts].filter((f) => f !== 'Wijkcentrum'))
        if (text.includes(free)) leaks.push(`${viewer!.name} · ${mail.subject} · free text "${free}"`);
      read++;
    }
    expect(leaks).toEqual([]);
    // The crawl's set-up causes mails of many kinds: actions, status changes, invitations, referrals, minutes.
    expect(read).toBeGreaterThan(10);
    expect([...kinds]).toEqual(
      expect.arrayContaining(['Nieuwe actie', 'Nieuwe status', 'invitation', 'Doorverwijzing uit', 'Verslag ter']),
    );
  });

  it('writes no canary value to the server log', () => {
    expect(logger.lines.length).toBeGreaterThan(0);
    const all = logger.lines.join('\n');
    for (const x of canaries)
      for (const marker of [...x.full, ...x.postcode]) expect({ marker, logged: all.includes(marker) }).toEqual({ marker, logged: false });
  });
});
