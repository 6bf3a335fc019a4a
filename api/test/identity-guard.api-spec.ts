import type { Response } from 'superagent';
import { Factories, CANARY, caseBody } from './support/factories';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/**
 * The identity guard (issue #9): every field a user writes and others read refuses identifying
 * data (rule a) and the values of the network's own clients whom the writer may see (rule b),
 * before anything is stored — and never becomes an oracle for what the covenant hides.
 */
describe('Identity guard on every free-text field', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let s: Awaited<ReturnType<Factories['staffedNetwork']>>;
  let oggz: Awaited<ReturnType<Factories['staffedNetwork']>>;
  let c: Agent;
  let caseId: string;
  let meetingId: string;
  let itemId: string;
  let closedMeetingId: string;
  let sectionId: string;
  let questionId: string;
  let actionId: string;

  /** Generic identifying data (rule a) and a bare value of the canary client (rule b: no detector knows "Canariusveld"). */
  const IDENTIFYING = 'Bel mevrouw Jansen op 06-12345678.';
  const CLIENT_SURNAME = 'Afspraak gemaakt, Canariusveld was er zelf bij.';
  const future = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();

  beforeAll(async () => {
    s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    oggz = await make.staffedNetwork('OGGZ', { accepted: true });
    c = s.coordinator.agent;
    const n = s.network.id;
    caseId = (await s.core.agent.post(`/api/networks/${n}/cases`).send(caseBody()).expect(201)).body.id;
    await c.patch(`/api/cases/${caseId}`).send({ status: 'ACCEPTED' }).expect(200);

    // An earlier meeting, closed, with minutes sent (for comments) — and a later one running, with the case on its agenda.
    closedMeetingId = (
      await c
        .post(`/api/networks/${n}/meetings`)
        .send({ startsAt: future(1), durationMinutes: 60, location: 'Buurthuis' })
        .expect(201)
    ).body.id;
    await c
      .put(`/api/meetings/${closedMeetingId}/attendance`)
      .send({ attendance: [{ organisationId: s.core.organisation.id, status: 'PRESENT', userIds: [s.core.user.id] }] })
      .expect(200);
    await c.post(`/api/meetings/${closedMeetingId}/agenda`).send({ kind: 'THEME', title: 'Thema eenzaamheid' }).expect(201);
    await c.post(`/api/meetings/${closedMeetingId}/start`).expect(200);
    await c.post(`/api/meetings/${closedMeetingId}/close`).expect(200);
    const minutes = (await c.get(`/api/meetings/${closedMeetingId}/minutes`).expect(200)).body;
    sectionId = minutes.sections[0].id;
    await c.post(`/api/meetings/${closedMeetingId}/minutes/send`).expect(200);

    meetingId = (
      await c
        .post(`/api/networks/${n}/meetings`)
        .send({ startsAt: future(2), durationMinutes: 60 })
        .expect(201)
    ).body.id;
    const agenda = (await c.post(`/api/meetings/${meetingId}/agenda/assemble`).expect(200)).body.agenda;
    itemId = agenda.find((i: { case: unknown }) => i.case).id;
    await c.post(`/api/meetings/${meetingId}/start`).expect(200);
    actionId = (
      await c
        .post(`/api/meetings/${meetingId}/agenda/${itemId}/actions`)
        .send({ description: 'Huisbezoek afleggen', ownerOrganisationId: s.core.organisation.id, dueDate: '2026-12-20' })
        .expect(201)
    ).body.id;
    questionId = (await s.volunteer.agent.post(`/api/networks/${n}/questions`).send(question()).expect(201)).body.id;
  });

  function question(overrides: Record<string, unknown> = {}) {
    return {
      title: 'Buurvrouw vereenzaamt',
      situation: 'Een oudere vrouw komt de deur niet meer uit en eet slecht.',
      question: 'Wie kan hier op af?',
      problemAreas: ['SOCIAL_NETWORK'],
      ...overrides,
    };
  }
  const itemVersion = async () =>
    (await c.get(`/api/meetings/${meetingId}`).expect(200)).body.agenda.find((i: { id: string }) => i.id === itemId).version;
  const actionVersion = async () =>
    (await c.get(`/api/actions?scope=network&networkId=${s.network.id}`).expect(200)).body.find((a: { id: string }) => a.id === actionId)
      .version;
  const minutesVersion = async () => (await c.get(`/api/meetings/${closedMeetingId}/minutes`).expect(200)).body.version;
  const covenantBody = async (statement: string) => {
    const cov = (await c.get(`/api/networks/${s.network.id}/covenant`).expect(200)).body;
    return {
      levels: cov.levels,
      retentionMonths: cov.retentionMonths,
      anonymousQuestionSubmitter: cov.anonymousQuestionSubmitter,
      confidentialityStatement: statement,
    };
  };

  /** Every guarded field, written through its route as someone allowed to write it. The field name is as the findings report it. */
  const fields: [string, string, (text: string) => Promise<Response>][] = [
    [
      'case summary',
      'summary',
      (text) => s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody({ summary: `Situatie thuis. ${text}` })),
    ],
    [
      'case neighbourhood',
      'neighbourhood',
      (text) => s.core.agent.post(`/api/networks/${s.network.id}/cases`).send(caseBody({ neighbourhood: text.slice(0, 70) })),
    ],
    [
      'consent-override reason',
      'consentOverrideReason',
      (text) =>
        oggz.core.agent
          .post(`/api/networks/${oggz.network.id}/cases`)
          .send(caseBody({ consent: 'OVERRIDE_OGGZ', consentOverrideReason: `Acuut brandgevaar in de woning. ${text}` })),
    ],
    ['case status reason', 'reason', (text) => c.patch(`/api/cases/${caseId}`).send({ status: 'MONITORING', reason: text })],
    [
      'action description',
      'description',
      (text) =>
        c
          .post(`/api/meetings/${meetingId}/agenda/${itemId}/actions`)
          .send({ description: text, ownerOrganisationId: s.core.organisation.id, dueDate: '2026-12-20' }),
    ],
    [
      'action note',
      'note',
      async (text) =>
        s.core.agent.patch(`/api/actions/${actionId}`).send({ status: 'IN_PROGRESS', note: text, version: await actionVersion() }),
    ],
    ['agenda item title', 'title', (text) => c.post(`/api/meetings/${meetingId}/agenda`).send({ kind: 'OTHER', title: text })],
    [
      'agenda notes',
      'notes',
      async (text) => c.patch(`/api/meetings/${meetingId}/agenda/${itemId}`).send({ notes: text, version: await itemVersion() }),
    ],
    [
      'agenda decisions',
      'decisions',
      async (text) => c.patch(`/api/meetings/${meetingId}/agenda/${itemId}`).send({ decisions: text, version: await itemVersion() }),
    ],
    [
      'meeting location',
      'location',
      (text) => c.post(`/api/networks/${s.network.id}/meetings`).send({ startsAt: future(30), durationMinutes: 60, location: text }),
    ],
    [
      'minutes section',
      'sections.0.text',
      async (text) =>
        c.patch(`/api/meetings/${closedMeetingId}/minutes`).send({ sections: [{ id: sectionId, text }], version: await minutesVersion() }),
    ],
    ['minutes comment', 'text', (text) => s.core.agent.post(`/api/meetings/${closedMeetingId}/minutes/comments`).send({ sectionId, text })],
    ['minutes approval reason', 'reason', (text) => c.post(`/api/meetings/${closedMeetingId}/minutes/approve`).send({ reason: text })],
    ['question title', 'title', (text) => c.post(`/api/networks/${s.network.id}/questions`).send(question({ title: text.slice(0, 100) }))],
    [
      'question situation',
      'situation',
      (text) => c.post(`/api/networks/${s.network.id}/questions`).send(question({ situation: `Een oudere vrouw. ${text}` })),
    ],
    ['question text', 'question', (text) => c.post(`/api/networks/${s.network.id}/questions`).send(question({ question: text }))],
    [
      'question neighbourhood',
      'neighbourhood',
      (text) => c.post(`/api/networks/${s.network.id}/questions`).send(question({ neighbourhood: text.slice(0, 70) })),
    ],
    [
      'question advice',
      'advice',
      (text) =>
        c.post(`/api/questions/${questionId}/answer`).send({ advice: `Advies: ${text}`, severity: 'LOW', recommendation: 'ADVICE_ONLY' }),
    ],
    ['question thread message', 'text', (text) => c.post(`/api/questions/${questionId}/messages`).send({ text })],
    [
      'confidentiality statement',
      'confidentialityStatement',
      async (text) => c.put(`/api/networks/${s.network.id}/covenant`).send(await covenantBody(`Ik houd geheim wat ik hoor. ${text}`)),
    ],
    [
      'covenant signatory',
      'signatory',
      (text) =>
        c
          .post(`/api/networks/${s.network.id}/covenant/signatures`)
          .send({ organisationId: s.core.organisation.id, signatory: text.slice(0, 110), signedOn: '2026-10-01' }),
    ],
  ];

  const generic = fields.filter(([name]) => name !== 'covenant signatory'); // a signatory is a person's name by nature: rule (b) only

  it.each(generic)('%s: refuses identifying data (422, findings, nothing echoed)', async (_name, field, send) => {
    const res = await send(IDENTIFYING);
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/te herkennen|cliënt van dit netwerk/);
    expect(res.body.findings.length).toBeGreaterThan(0);
    expect(res.body.findings.every((f: { field: string }) => f.field === field)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('12345678');
  });

  it.each(fields)('%s: refuses the surname of a client the writer sees in full', async (_name, field, send) => {
    const res = await send(CLIENT_SURNAME);
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/cliënt van dit netwerk \(de achternaam\)/);
    expect(res.body.findings).toContainEqual(expect.objectContaining({ kind: 'NAME', field, client: true }));
    expect(JSON.stringify(res.body)).not.toContain('Canariusveld');
  });

  it('stored none of the refused texts', async () => {
    const everything = [
      (await c.get(`/api/networks/${s.network.id}/cases`).expect(200)).text,
      (await c.get(`/api/cases/${caseId}`).expect(200)).text,
      (await c.get(`/api/meetings/${meetingId}`).expect(200)).text,
      (await c.get(`/api/meetings/${closedMeetingId}/minutes`).expect(200)).text,
      (await c.get(`/api/networks/${s.network.id}/meetings`).expect(200)).text,
      (await c.get(`/api/networks/${s.network.id}/questions`).expect(200)).text,
      (await c.get(`/api/questions/${questionId}`).expect(200)).text,
      (await c.get(`/api/actions?scope=network&networkId=${s.network.id}`).expect(200)).text,
      (await c.get(`/api/networks/${s.network.id}/covenant`).expect(200)).text,
    ].join('\n');
    expect(everything).not.toContain('12345678');
    expect(everything).not.toContain('Jansen');
    expect(everything).toContain('Canariusveld'); // the coordinator does see the client itself…
    const withoutClients = everything
      .split('\n')
      .map((json) => JSON.stringify(JSON.parse(json), (key, value) => (key === 'client' ? undefined : value)));
    expect(withoutClients.join('\n')).not.toContain('Canariusveld'); // …but only in the client object, nowhere in free text
  });

  it('writes each refusal that matched a client to the access log, with the case and DENIED', async () => {
    const log = (await c.get(`/api/networks/${s.network.id}/access-log?caseId=${caseId}`).expect(200)).body as {
      action: string;
      outcome: string;
      user: { id: string } | null;
    }[];
    const refused = log.filter((e) => e.action === 'TEXT_REFUSED');
    expect(refused.length).toBeGreaterThanOrEqual(fields.length - 3);
    expect(refused.every((e) => e.outcome === 'DENIED')).toBe(true);
    expect(refused.some((e) => e.user?.id === s.core.user.id)).toBe(true);
    const body = JSON.stringify(log);
    expect(body).not.toContain('Canariusveld');
  });

  it.each([
    ['a zero-width space inside the surname', 'Canarius\u200Bveld belde zelf.'],
    ['a soft hyphen inside the surname', 'Canarius\u00ADveld belde zelf.'],
    ['capitals', 'CANARIUSVELD belde zelf.'],
    ['lower case with the particle', 'van canariusveld belde zelf.'],
    ['full-width letters', 'Ｃａｎａｒｉｕｓｖｅｌｄ belde zelf.'],
    ['a diacritic', 'Canariusvéld belde zelf.'],
    ['the street without a house number', 'Woont aan de Kwikstaartlaan, bovenwoning.'],
    ['the street in lower case', 'woont aan de kwikstaartlaan.'],
  ])('sees through %s', async (_trick, text) => {
    const res = await c.patch(`/api/meetings/${meetingId}/agenda/${itemId}`).send({ notes: text, version: await itemVersion() });
    expect(res.status).toBe(422);
    expect(res.body.findings.some((f: { client?: boolean }) => f.client)).toBe(true);
  });

  it('is no oracle: who may not see the client can type the word, and nothing is logged about them', async () => {
    // The volunteer rep sees the canary at most by initials (meeting) — the surname and street are hidden from them.
    const text = 'Er woont iemand aan de Kwikstaartlaan die niemand meer ziet; is Canariusveld al bekend bij jullie?';
    const asked = await s.volunteer.agent.post(`/api/networks/${s.network.id}/questions`).send(question({ situation: text }));
    expect({ status: asked.status, findings: asked.body.findings }).toEqual({ status: 201, findings: undefined });
    // The coordinator, who sees the client in full, may not write the same words.
    const coordinator = await c
      .post(`/api/networks/${s.network.id}/questions`)
      .send(question({ situation: text }))
      .expect(422);
    expect(
      coordinator.body.findings
        .filter((f: { client?: boolean }) => f.client)
        .map((f: { kind: string }) => f.kind)
        .sort(),
    ).toEqual(['ADDRESS', 'NAME']);
    const log = (await c.get(`/api/networks/${s.network.id}/access-log`).expect(200)).body as {
      action: string;
      user: { id: string } | null;
    }[];
    expect(log.some((e) => e.action === 'TEXT_REFUSED' && e.user?.id === s.volunteer.user.id)).toBe(false);
  });

  it('is no oracle where consent caps the writer at the pseudonym', async () => {
    const refusedCase = (
      await s.shell.agent
        .post(`/api/networks/${s.network.id}/cases`)
        .send(
          caseBody({
            consent: 'REFUSED',
            client: { ...CANARY, surname: 'Zwaluwstaart', street: 'Reigerlaan', postcode: '3814 AB', houseNumber: '4', phone: undefined },
          }),
        )
        .expect(201)
    ).body;
    const coreView = (await s.core.agent.get(`/api/cases/${refusedCase.id}`).expect(200)).body;
    expect(coreView.client.level).toBe('PSEUDONYM');
    await s.core.agent
      .post(`/api/networks/${s.network.id}/questions`)
      .send(question({ situation: 'Iemand aan de Reigerlaan, Zwaluwstaart heet hij, zou hulp kunnen gebruiken.' }))
      .expect(201);
    await c
      .post(`/api/networks/${s.network.id}/questions`)
      .send(question({ situation: 'Iemand aan de Reigerlaan, Zwaluwstaart heet hij, zou hulp kunnen gebruiken.' }))
      .expect(422);
  });

  it('lets a meeting location hold the address of a community centre, but not the street of a client', async () => {
    const ok = await c
      .post(`/api/networks/${s.network.id}/meetings`)
      .send({ startsAt: future(40), durationMinutes: 60, location: 'Buurthuis De Kargadoor, Kanarieweg 78, 3812 AB Amersfoort' });
    expect(ok.status).toBe(201);
    const client = await c
      .post(`/api/networks/${s.network.id}/meetings`)
      .send({ startsAt: future(41), durationMinutes: 60, location: 'Bij de cliënt thuis, Kwikstaartlaan 27' })
      .expect(422);
    expect(client.body.findings).toContainEqual(expect.objectContaining({ field: 'location', client: true }));
    await c
      .post(`/api/networks/${s.network.id}/meetings`)
      .send({ startsAt: future(42), durationMinutes: 60, location: 'Bij mevrouw Jansen thuis' })
      .expect(422);
  });

  it('lets a signatory be a professional by name, but not a client', async () => {
    await c
      .post(`/api/networks/${s.network.id}/covenant/signatures`)
      .send({ organisationId: s.core.organisation.id, signatory: 'J. de Vries, directeur', signedOn: '2026-10-01' })
      .expect(201);
    await c
      .post(`/api/networks/${s.network.id}/covenant/signatures`)
      .send({ organisationId: s.core.organisation.id, signatory: 'Gerrit van Canariusveld', signedOn: '2026-10-01' })
      .expect(422);
  });

  it('checks the postcode with house number against the client, in any notation', async () => {
    for (const notation of ['3813-KZ 27', '3813kz, nr 27', '３８１３ ＫＺ ２７']) {
      const res = await c
        .patch(`/api/meetings/${meetingId}/agenda/${itemId}`)
        .send({ decisions: `Bezoek op ${notation}.`, version: await itemVersion() });
      expect({ notation, status: res.status }).toEqual({ notation, status: 422 });
    }
  });

  it('checks a case summary against the client being brought in, before it exists', async () => {
    const res = await s.core.agent
      .post(`/api/networks/${s.network.id}/cases`)
      .send(
        caseBody({
          client: { ...CANARY, surname: 'Pimpelmees', street: 'Merelstraat' },
          summary: 'Woont aan de merelstraat en wil geen hulp.',
        }),
      )
      .expect(422);
    expect(res.body.findings).toEqual([expect.objectContaining({ kind: 'ADDRESS', field: 'summary', client: true })]);
  });
});
