import { CANARY, CANARY_MARKERS, caseBody } from './support/factories';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

/**
 * The canary client's identity appears exactly where the covenant allows and nowhere else: in no
 * response of any endpoint that returns case data, in no error message and in no access log entry.
 */
describe('No identity leaves the API where the covenant forbids it', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let caseId: string;
  let networkId: string;
  let caseNumber: string;
  const viewers: Record<string, { agent: Agent; expected: 'FULL' | 'INITIALS' | 'ADDRESS' | 'PSEUDONYM' | 'HIDDEN' }> = {};

  beforeAll(async () => {
    // Neighbourhood template: coordinator FULL, core INITIALS, shell and volunteer PSEUDONYM in DOSSIER.
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    networkId = s.network.id;
    const submitterUser = await make.user(s.shell.organisation.id);
    await make.role(networkId, submitterUser.id, 'SHELL_PARTNER');
    const submitter = await t.login(submitterUser.email);
    await make.accept(submitter, networkId);
    const notAcceptedUser = await make.user(s.core.organisation.id);
    await make.role(networkId, notAcceptedUser.id, 'CORE_PARTNER');
    const created = (await submitter.post(`/api/networks/${networkId}/cases`).send(caseBody()).expect(201)).body;
    caseId = created.id;
    caseNumber = created.number;
    const other = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });

    viewers['coordinator'] = { agent: s.coordinator.agent, expected: 'FULL' };
    viewers['submitter (shell partner)'] = { agent: submitter, expected: 'FULL' };
    viewers['core partner'] = { agent: s.core.agent, expected: 'INITIALS' };
    viewers['core partner without acceptance'] = { agent: await t.login(notAcceptedUser.email), expected: 'PSEUDONYM' };
    viewers['shell partner'] = { agent: s.shell.agent, expected: 'PSEUDONYM' };
    viewers['volunteer rep'] = { agent: s.volunteer.agent, expected: 'PSEUDONYM' };
    viewers['administrator'] = { agent: await t.admin(), expected: 'HIDDEN' };
    viewers['coordinator of another network'] = { agent: other.coordinator.agent, expected: 'HIDDEN' };
  });

  const endpoints: [string, (id: string, network: string) => string][] = [
    ['case list', (_id, network) => `/api/networks/${network}/cases`],
    ['surname search', (_id, network) => `/api/networks/${network}/cases?q=${encodeURIComponent(CANARY.surname)}`],
    ['case page', (id) => `/api/cases/${id}`],
  ];

  const names = [
    'coordinator',
    'submitter (shell partner)',
    'core partner',
    'core partner without acceptance',
    'shell partner',
    'volunteer rep',
    'administrator',
    'coordinator of another network',
  ];
  const rows = names.flatMap((name) => endpoints.map(([endpoint, path]) => [name, endpoint, path] as const));

  it.each(rows)('%s, %s', async (name, endpoint, path) => {
    const { agent, expected } = viewers[name];
    const res = await agent.get(path(caseId, networkId));
    const text = res.text;
    // A surname search finds the case only for viewers who may see the full name.
    const listed = endpoint === 'surname search' ? expected === 'FULL' : expected !== 'HIDDEN';
    for (const marker of CANARY_MARKERS)
      expect({ marker, present: text.includes(marker) }).toEqual({ marker, present: expected === 'FULL' });
    if (!listed) expect(text).not.toContain(caseNumber);
    else if (expected === 'INITIALS') expect(text).toContain('G. van C.');
    else if (expected === 'PSEUDONYM') expect(text).toContain(`Casus ${caseNumber} ·`);
  });

  it('puts no identity in status-change errors, nor in the access log or its verification', async () => {
    for (const { agent } of Object.values(viewers)) {
      const res = await agent.patch(`/api/cases/${caseId}`).send({ status: 'CLOSED' });
      for (const marker of CANARY_MARKERS) expect(res.text).not.toContain(marker);
    }
    const log = await viewers['coordinator'].agent.get(`/api/networks/${networkId}/access-log`).expect(200);
    expect(log.body.length).toBeGreaterThan(0);
    for (const marker of CANARY_MARKERS) expect(log.text).not.toContain(marker);
    const verify = await viewers['coordinator'].agent.get(`/api/networks/${networkId}/access-log/verify`).expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('logs every disclosure above the pseudonym, and none at or below it', async () => {
    const log = (await viewers['coordinator'].agent.get(`/api/networks/${networkId}/access-log?caseId=${caseId}`).expect(200)).body as {
      level: string;
      action: string;
      role: string;
    }[];
    const views = log.filter((e) => ['VIEW', 'LIST', 'SEARCH'].includes(e.action));
    expect(views.some((e) => e.level === 'FULL' && e.role === 'COORDINATOR')).toBe(true);
    expect(views.some((e) => e.level === 'INITIALS' && e.role === 'CORE_PARTNER')).toBe(true);
    expect(views.every((e) => e.level !== 'PSEUDONYM' && e.level !== 'HIDDEN')).toBe(true);
    expect(log.some((e) => e.action === 'CREATE')).toBe(true);
  });

  it('lets only the coordinator read the log', async () => {
    await viewers['core partner'].agent.get(`/api/networks/${networkId}/access-log`).expect(403);
    await viewers['administrator'].agent.get(`/api/networks/${networkId}/access-log`).expect(403);
    await viewers['coordinator of another network'].agent.get(`/api/networks/${networkId}/access-log`).expect(404);
  });
});
