import type { NetworkRole, OrganisationKind, Ring } from '@casustafel/contract/enums';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

describe('Membership and role rules', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let admin: Agent;

  beforeAll(async () => {
    admin = await t.admin();
  });

  /** A user of a fresh organisation of this kind, in this ring of a fresh network. */
  async function candidate(kind: OrganisationKind, ring: Ring | null) {
    const network = await make.network();
    const organisation = await make.organisation(kind);
    if (ring) await make.member(network.id, organisation.id, ring);
    const user = await make.user(organisation.id);
    return { network, organisation, user };
  }

  const allowed: [NetworkRole, OrganisationKind, Ring][] = [
    ['COORDINATOR', 'FORMAL', 'CORE'],
    ['CORE_PARTNER', 'FORMAL', 'CORE'],
    ['CORE_PARTNER', 'INFORMAL', 'CORE'],
    ['SHELL_PARTNER', 'FORMAL', 'SHELL'],
    ['VOLUNTEER_REP', 'INFORMAL', 'SHELL'],
    ['VOLUNTEER_REP', 'INFORMAL', 'CORE'],
    ['VOLUNTEER_REP', 'HYBRID', 'SHELL'],
    ['VOLUNTEER_REP', 'HYBRID', 'CORE'],
  ];
  it.each(allowed)('gives %s to a user of a %s organisation in the %s', async (role, kind, ring) => {
    const { network, user } = await candidate(kind, ring);
    const res = await admin.post(`/api/networks/${network.id}/roles`).send({ userId: user.id, role }).expect(201);
    expect(res.body).toMatchObject({ role, user: { id: user.id } });
  });

  const refused: [NetworkRole, OrganisationKind, Ring, RegExp][] = [
    ['CORE_PARTNER', 'FORMAL', 'SHELL', /Een kernpartner hoort bij een organisatie in de kern/],
    ['SHELL_PARTNER', 'FORMAL', 'CORE', /Een schilpartner hoort bij een organisatie in de schil/],
    ['VOLUNTEER_REP', 'FORMAL', 'SHELL', /informele of hybride organisatie/],
    ['VOLUNTEER_REP', 'FORMAL', 'CORE', /informele of hybride organisatie/],
    ['COORDINATOR', 'FORMAL', 'SHELL', /De coördinator werkt bij een kernpartner/],
  ];
  it.each(refused)('refuses %s for a user of a %s organisation in the %s with 409 and the reason', async (role, kind, ring, reason) => {
    const { network, user } = await candidate(kind, ring);
    const res = await admin.post(`/api/networks/${network.id}/roles`).send({ userId: user.id, role }).expect(409);
    expect(res.body.message).toMatch(reason);
  });

  it('refuses a role to a user whose organisation is not a member', async () => {
    const { network, user, organisation } = await candidate('FORMAL', null);
    const res = await admin.post(`/api/networks/${network.id}/roles`).send({ userId: user.id, role: 'CORE_PARTNER' }).expect(409);
    expect(res.body.message).toBe(
      `${organisation.name} (de organisatie van ${user.name}) is geen lid van dit netwerk. Voeg de organisatie eerst toe.`,
    );
  });

  it('refuses a second role for the same user in one network', async () => {
    const { network, user } = await candidate('FORMAL', 'CORE');
    await make.role(network.id, user.id, 'CORE_PARTNER');
    const res = await admin.post(`/api/networks/${network.id}/roles`).send({ userId: user.id, role: 'COORDINATOR' }).expect(409);
    expect(res.body.message).toMatch(/heeft al een rol in dit netwerk/);
  });

  it('refuses a network role to an administrator with 400 and the reason (separation of duties)', async () => {
    const network = await make.network();
    const me = (await admin.get('/api/auth/me').expect(200)).body;
    await make.member(network.id, me.organisation.id, 'CORE');
    const res = await admin.post(`/api/networks/${network.id}/roles`).send({ userId: me.id, role: 'COORDINATOR' }).expect(400);
    expect(res.body.message).toBe(
      'Een beheerderaccount kan geen rol in een netwerk krijgen: beheer en cliëntgegevens blijven gescheiden. Geef de rol aan een gewoon account.',
    );
    expect((await admin.get(`/api/networks/${network.id}/roles`).expect(200)).body).toEqual([]);
  });

  it('refuses to add an organisation twice', async () => {
    const { network, organisation } = await candidate('FORMAL', 'CORE');
    const res = await admin
      .post(`/api/networks/${network.id}/members`)
      .send({ organisationId: organisation.id, ring: 'SHELL' })
      .expect(409);
    expect(res.body.message).toBe(`${organisation.name} is al lid van dit netwerk.`);
  });

  it('refuses an organisation that does not exist with 400', async () => {
    const network = await make.network();
    const res = await admin
      .post(`/api/networks/${network.id}/members`)
      .send({ organisationId: '00000000-0000-4000-8000-000000000000', ring: 'CORE' })
      .expect(400);
    expect(res.body.message).toMatch(/bestaat niet/);
  });

  it('refuses to remove an organisation whose people still hold roles, and names them', async () => {
    const { network, organisation, user } = await candidate('FORMAL', 'CORE');
    await make.role(network.id, user.id, 'CORE_PARTNER');
    const res = await admin.delete(`/api/networks/${network.id}/members/${organisation.id}`).expect(409);
    expect(res.body.message).toContain(user.name);
    await admin.delete(`/api/networks/${network.id}/roles/${user.id}`).expect(204);
    await admin.delete(`/api/networks/${network.id}/members/${organisation.id}`).expect(204);
    expect((await admin.get(`/api/networks/${network.id}/members`).expect(200)).body).toEqual([]);
  });

  it('refuses duplicate names and e-mail addresses with 409', async () => {
    const organisation = await make.organisation('FORMAL', 'GGD Uniek');
    await admin.post('/api/organisations').send({ name: 'GGD Uniek', kind: 'FORMAL' }).expect(409);
    const user = await make.user(organisation.id, 'Dubbel Persoon');
    const res = await admin
      .post('/api/users')
      .send({ name: 'Ander', email: user.email.toUpperCase(), organisationId: organisation.id })
      .expect(409);
    expect(res.body.message).toBe('Er bestaat al een account met dit e-mailadres.');
  });

  it('lets the coordinator see the members and roles it manages, with ring and organisation', async () => {
    const staffed = await make.staffedNetwork();
    const members = (await staffed.coordinator.agent.get(`/api/networks/${staffed.network.id}/members`).expect(200)).body;
    expect(members).toHaveLength(4);
    expect(members.find((m: { organisation: { id: string } }) => m.organisation.id === staffed.shell.organisation.id).ring).toBe('SHELL');
    const roles = (await staffed.volunteer.agent.get(`/api/networks/${staffed.network.id}/roles`).expect(200)).body;
    expect(roles.map((r: { role: string }) => r.role).sort()).toEqual(['COORDINATOR', 'CORE_PARTNER', 'SHELL_PARTNER', 'VOLUNTEER_REP']);
  });
});
