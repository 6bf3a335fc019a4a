import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

type Actor = 'admin' | 'coordinator' | 'otherCoordinator' | 'member' | 'nonMember';

/**
 * Every endpoint against every kind of caller. 404 where the caller may not know the network
 * exists; 403 where they may see it but not change it.
 */
describe('Permissions per endpoint', () => {
  // Keep the sessions alive: every test moves the clock a little at most.
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let networkId: string;
  const agents = {} as Record<Actor, Agent>;

  beforeAll(async () => {
    const staffed = await make.staffedNetwork();
    networkId = staffed.network.id;
    const other = await make.staffedNetwork();
    const loner = await make.user((await make.organisation()).id);
    agents.admin = await t.admin();
    agents.coordinator = staffed.coordinator.agent;
    agents.otherCoordinator = other.coordinator.agent;
    agents.member = staffed.core.agent;
    agents.nonMember = await t.login(loner.email);
  });

  const everyone = (status: number): Record<Actor, number> => ({
    admin: status,
    coordinator: status,
    otherCoordinator: status,
    member: status,
    nonMember: status,
  });
  const adminOnly = (ok: number): Record<Actor, number> => ({ ...everyone(403), admin: ok });
  const readNetwork: Record<Actor, number> = { admin: 200, coordinator: 200, otherCoordinator: 404, member: 200, nonMember: 404 };
  const manageNetwork = (ok: number): Record<Actor, number> => ({
    admin: ok,
    coordinator: ok,
    otherCoordinator: 404,
    member: 403,
    nonMember: 404,
  });

  type Case = [string, Record<Actor, number>, (agent: Agent) => Promise<{ status: number }>];
  const cases: Case[] = [
    ['POST /organisations', adminOnly(201), (a) => a.post('/api/organisations').send({ name: `Org ${Math.random()}`, kind: 'FORMAL' })],
    ['GET /organisations', everyone(200), (a) => a.get('/api/organisations')],
    [
      'POST /users',
      adminOnly(201),
      async (a) => {
        const organisation = await make.organisation();
        return a.post('/api/users').send({ name: 'Nieuw', email: `n${Math.random()}@test.nl`, organisationId: organisation.id });
      },
    ],
    ['GET /users', adminOnly(200), (a) => a.get('/api/users')],
    [
      'PATCH /users/:id',
      adminOnly(200),
      async (a) => {
        const user = await make.user((await make.organisation()).id);
        return a.patch(`/api/users/${user.id}`).send({ active: false });
      },
    ],
    [
      'POST /networks',
      adminOnly(201),
      (a) => a.post('/api/networks').send({ name: `Netwerk ${Math.random()}`, kind: 'OGGZ', area: 'Noord' }),
    ],
    ['GET /networks', everyone(200), (a) => a.get('/api/networks')],
    ['GET /networks/:id', readNetwork, (a) => a.get(`/api/networks/${networkId}`)],
    ['GET /networks/:id/members', readNetwork, (a) => a.get(`/api/networks/${networkId}/members`)],
    [
      'POST /networks/:id/members',
      manageNetwork(201),
      async (a) => {
        const organisation = await make.organisation();
        return a.post(`/api/networks/${networkId}/members`).send({ organisationId: organisation.id, ring: 'SHELL' });
      },
    ],
    [
      'DELETE /networks/:id/members/:organisationId',
      manageNetwork(204),
      async (a) => {
        const organisation = await make.organisation();
        await make.member(networkId, organisation.id, 'SHELL');
        return a.delete(`/api/networks/${networkId}/members/${organisation.id}`);
      },
    ],
    ['GET /networks/:id/roles', readNetwork, (a) => a.get(`/api/networks/${networkId}/roles`)],
    [
      'POST /networks/:id/roles',
      manageNetwork(201),
      async (a) => {
        const organisation = await make.organisation();
        await make.member(networkId, organisation.id, 'CORE');
        const user = await make.user(organisation.id);
        return a.post(`/api/networks/${networkId}/roles`).send({ userId: user.id, role: 'CORE_PARTNER' });
      },
    ],
    [
      'DELETE /networks/:id/roles/:userId',
      manageNetwork(204),
      async (a) => {
        const organisation = await make.organisation();
        await make.member(networkId, organisation.id, 'CORE');
        const user = await make.user(organisation.id);
        await make.role(networkId, user.id, 'CORE_PARTNER');
        return a.delete(`/api/networks/${networkId}/roles/${user.id}`);
      },
    ],
    ['GET /networks/:id/candidates', manageNetwork(200), (a) => a.get(`/api/networks/${networkId}/candidates`)],
  ];

  const rows = cases.flatMap(([name, expected, call]) =>
    (Object.keys(expected) as Actor[]).map((actor) => [name, actor, expected[actor], call] as const),
  );

  it.each(rows)('%s as %s → %i', async (_name, actor, status, call) => {
    const res = await call(agents[actor]);
    expect(res.status).toBe(status);
  });

  it('answers every route with 401 without a session', async () => {
    const anonymous = t.anonymous();
    for (const path of ['/api/organisations', '/api/users', '/api/networks', `/api/networks/${networkId}/members`]) {
      expect((await anonymous.get(path)).status).toBe(401);
    }
  });

  it('lists for a member only the networks they hold a role in, with that role', async () => {
    const mine = (await agents.member.get('/api/networks').expect(200)).body;
    expect(mine).toEqual([expect.objectContaining({ id: networkId, myRole: 'CORE_PARTNER', canManage: false })]);
    expect((await agents.nonMember.get('/api/networks').expect(200)).body).toEqual([]);
  });

  it('does not let a coordinator appoint or remove a coordinator', async () => {
    const organisation = await make.organisation();
    await make.member(networkId, organisation.id, 'CORE');
    const user = await make.user(organisation.id);
    const res = await agents.coordinator
      .post(`/api/networks/${networkId}/roles`)
      .send({ userId: user.id, role: 'COORDINATOR' })
      .expect(403);
    expect(res.body.message).toBe('Alleen een beheerder kan iemand coördinator maken.');
    const me = (await agents.coordinator.get('/api/auth/me').expect(200)).body;
    await agents.coordinator.delete(`/api/networks/${networkId}/roles/${me.id}`).expect(403);
  });
});
