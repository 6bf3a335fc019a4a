import { caseBody } from './support/factories';
import type { Agent } from './support/test-app';
import { useTestApp } from './support/use-test-app';

type Staffed = Awaited<ReturnType<import('./support/factories').Factories['staffedNetwork']>>;

/**
 * Issue #13: the municipality, a role that sees the network's figures and nothing else (ADR 0019),
 * and the capacity an informal or hybrid organisation records against overload.
 */
describe('The municipality and the capacity of volunteer organisations', () => {
  const { t, make } = useTestApp({ minutesBetweenTests: 0.1 });
  let admin: Agent;
  let s: Staffed;
  let government: { id: string; name: string };
  let official: { id: string; email: string; name: string };
  let municipality: Agent;

  beforeAll(async () => {
    admin = await t.admin();
    s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    government = await make.organisation('GOVERNMENT', 'Gemeente Eemstad');
    official = await make.user(government.id);
    await make.role(s.network.id, official.id, 'MUNICIPALITY');
    municipality = await t.login(official.email);
  });

  describe('the municipality role', () => {
    it('is held without a membership: the network shows the role, its members list no government', async () => {
      const roles = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/roles`).expect(200)).body as {
        role: string;
        organisation: { name: string };
      }[];
      expect(roles).toContainEqual(
        expect.objectContaining({ role: 'MUNICIPALITY', organisation: expect.objectContaining({ name: 'Gemeente Eemstad' }) }),
      );
      const members = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/members`).expect(200)).body as {
        organisation: { id: string };
      }[];
      expect(members.map((m) => m.organisation.id)).not.toContain(government.id);
    });

    it('shows the municipality the network by name and kind, with its role', async () => {
      const res = await municipality.get(`/api/networks/${s.network.id}`).expect(200);
      expect(res.body).toMatchObject({
        id: s.network.id,
        name: s.network.name,
        kind: 'NEIGHBOURHOOD',
        myRole: 'MUNICIPALITY',
        canManage: false,
      });
      const mine = (await municipality.get('/api/networks').expect(200)).body as { id: string; myRole: string }[];
      expect(mine).toEqual([expect.objectContaining({ id: s.network.id, myRole: 'MUNICIPALITY' })]);
    });

    it('answers every list of the network with 403 and every item in it with 404', async () => {
      const n = s.network.id;
      const caseId = (await s.core.agent.post(`/api/networks/${n}/cases`).send(caseBody()).expect(201)).body.id;
      const lists = [
        `/api/networks/${n}/members`,
        `/api/networks/${n}/roles`,
        `/api/networks/${n}/cases`,
        `/api/networks/${n}/questions`,
        `/api/networks/${n}/meetings`,
        `/api/networks/${n}/overview`,
        `/api/networks/${n}/covenant`,
        `/api/networks/${n}/confidentiality`,
        `/api/networks/${n}/access-log`,
        `/api/networks/${n}/actions.csv`,
        `/api/networks/${n}/actions.pdf`,
        `/api/actions?scope=network&networkId=${n}`,
      ];
      for (const url of lists) expect({ url, status: (await municipality.get(url)).status }).toEqual({ url, status: 403 });
      for (const url of [`/api/cases/${caseId}`, `/api/cases/${caseId}/timeline`])
        expect({ url, status: (await municipality.get(url)).status }).toEqual({ url, status: 404 });
      // It cannot bring in a case or a question either.
      expect((await municipality.post(`/api/networks/${n}/cases`).send(caseBody())).status).toBe(403);
      // Its own actions ("Mijn acties") are none: a government organisation carries no actions.
      expect((await municipality.get('/api/actions').expect(200)).body).toEqual([]);
    });

    it('refuses the municipality role to anyone outside a government organisation, with a Dutch 400', async () => {
      const fresh = await make.user(s.core.organisation.id);
      const refused = await admin.post(`/api/networks/${s.network.id}/roles`).send({ userId: fresh.id, role: 'MUNICIPALITY' }).expect(400);
      expect(refused.body.message).toBe(
        `De rol gemeente is voor medewerkers van een overheidsorganisatie; ${s.core.organisation.name} is geen overheidsorganisatie.`,
      );
    });

    it.each(['COORDINATOR', 'CORE_PARTNER', 'SHELL_PARTNER', 'VOLUNTEER_REP'])(
      "gives a government organisation's people no role but municipality (%s refused with 400)",
      async (role) => {
        const colleague = await make.user(government.id);
        const res = await admin.post(`/api/networks/${s.network.id}/roles`).send({ userId: colleague.id, role }).expect(400);
        expect(res.body.message).toBe(
          'Gemeente Eemstad is een overheidsorganisatie: haar medewerkers kunnen in een netwerk alleen de rol gemeente krijgen.',
        );
      },
    );

    it('makes a government organisation no member with a ring (400), and offers its people as candidates', async () => {
      const res = await admin
        .post(`/api/networks/${s.network.id}/members`)
        .send({ organisationId: government.id, ring: 'SHELL' })
        .expect(400);
      expect(res.body.message).toContain('Gemeente Eemstad is een overheidsorganisatie en wordt geen lid met een ring');
      const candidates = (await s.coordinator.agent.get(`/api/networks/${s.network.id}/candidates`).expect(200)).body as { id: string }[];
      expect(candidates.map((c) => c.id)).toContain(official.id);
    });

    it('lets the coordinator give and take the municipality role', async () => {
      const colleague = await make.user(government.id);
      await s.coordinator.agent
        .post(`/api/networks/${s.network.id}/roles`)
        .send({ userId: colleague.id, role: 'MUNICIPALITY' })
        .expect(201);
      const agent = await t.login(colleague.email);
      await agent.get(`/api/networks/${s.network.id}`).expect(200);
      await s.coordinator.agent.delete(`/api/networks/${s.network.id}/roles/${colleague.id}`).expect(204);
      await agent.get(`/api/networks/${s.network.id}`).expect(404);
    });

    it('does not let the municipality accept the confidentiality statement: it never sees an identity', async () => {
      expect((await municipality.post(`/api/networks/${s.network.id}/confidentiality/accept`)).status).toBe(403);
    });
  });

  describe('capacity', () => {
    let hybrid: { id: string; name: string };
    let hybridAgent: Agent;

    beforeAll(async () => {
      hybrid = await make.organisation('HYBRID', 'Buurtteam Eemstad');
      await make.member(s.network.id, hybrid.id, 'SHELL');
      const rep = await make.user(hybrid.id);
      await make.role(s.network.id, rep.id, 'VOLUNTEER_REP');
      hybridAgent = await t.login(rep.email);
    });

    const capacityOf = async (organisationId: string) =>
      (
        (await s.coordinator.agent.get(`/api/networks/${s.network.id}/members`).expect(200)).body as {
          organisation: { id: string };
          capacity: number | null;
        }[]
      ).find((m) => m.organisation.id === organisationId)!.capacity;

    it('is not recorded until someone records it', async () => {
      expect(await capacityOf(s.volunteer.organisation.id)).toBeNull();
    });

    it("is set by the coordinator, or by the organisation's own people, and cleared with null", async () => {
      const url = `/api/networks/${s.network.id}/members/${s.volunteer.organisation.id}`;
      const set = await s.coordinator.agent.patch(url).send({ capacity: 3 }).expect(200);
      expect(set.body).toMatchObject({ organisation: { id: s.volunteer.organisation.id }, capacity: 3 });
      await s.volunteer.agent.patch(url).send({ capacity: 2 }).expect(200);
      expect(await capacityOf(s.volunteer.organisation.id)).toBe(2);
      await hybridAgent.patch(`/api/networks/${s.network.id}/members/${hybrid.id}`).send({ capacity: 5 }).expect(200);
      await s.volunteer.agent.patch(url).send({ capacity: null }).expect(200);
      expect(await capacityOf(s.volunteer.organisation.id)).toBeNull();
    });

    it("refuses another organisation's capacity (403), a formal organisation's (400) and a number that is no capacity (400)", async () => {
      const volunteerUrl = `/api/networks/${s.network.id}/members/${s.volunteer.organisation.id}`;
      const forbidden = await hybridAgent.patch(volunteerUrl).send({ capacity: 9 }).expect(403);
      expect(forbidden.body.message).toBe('Alleen de coördinator of de organisatie zelf legt vast hoeveel open acties ze kan dragen.');
      await s.core.agent.patch(volunteerUrl).send({ capacity: 9 }).expect(403);
      await admin.patch(volunteerUrl).send({ capacity: 9 }).expect(403);
      await municipality.patch(volunteerUrl).send({ capacity: 9 }).expect(403);
      const formal = await s.coordinator.agent
        .patch(`/api/networks/${s.network.id}/members/${s.core.organisation.id}`)
        .send({ capacity: 4 })
        .expect(400);
      expect(formal.body.message).toBe(
        `Alleen een informele of hybride organisatie legt vast hoeveel open acties ze kan dragen; ${s.core.organisation.name} is een formele organisatie.`,
      );
      for (const capacity of [-1, 2.5, '3', 1000, undefined])
        expect({ capacity, status: (await s.coordinator.agent.patch(volunteerUrl).send({ capacity })).status }).toEqual({
          capacity,
          status: 400,
        });
      await s.coordinator.agent.patch(`/api/networks/${s.network.id}/members/${government.id}`).send({ capacity: 1 }).expect(404);
    });

    it('warns the coordinator who assigns beyond the capacity, on creation and on a new owner, without blocking', async () => {
      const n = s.network.id;
      const c = s.coordinator.agent;
      const volunteer = s.volunteer.organisation;
      await c.patch(`/api/networks/${n}/members/${volunteer.id}`).send({ capacity: 1 }).expect(200);
      await c.patch(`/api/networks/${n}/members/${hybrid.id}`).send({ capacity: 1 }).expect(200);
      const caseId = (await s.core.agent.post(`/api/networks/${n}/cases`).send(caseBody()).expect(201)).body.id;
      await c.patch(`/api/cases/${caseId}`).send({ status: 'ACCEPTED' }).expect(200);
      const meeting = (
        await c
          .post(`/api/networks/${n}/meetings`)
          .send({ startsAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), durationMinutes: 60 })
          .expect(201)
      ).body.id;
      const agenda = (await c.post(`/api/meetings/${meeting}/agenda/assemble`).expect(200)).body.agenda as { id: string; case: unknown }[];
      const item = agenda.find((i) => i.case)!.id;
      await c.post(`/api/meetings/${meeting}/start`).expect(200);
      const assign = (ownerOrganisationId: string, description: string) =>
        c.post(`/api/meetings/${meeting}/agenda/${item}/actions`).send({ description, ownerOrganisationId, dueDate: '2026-12-20' });

      // The first open action: within the capacity of 1.
      const first = await assign(volunteer.id, 'Boodschappen doen').expect(201);
      expect(first.body.capacityWarning).toBeNull();
      // The second: beyond it — created all the same, with the warning.
      const second = await assign(volunteer.id, 'Langsgaan voor een praatje').expect(201);
      expect(second.body.capacityWarning).toEqual({ organisation: { id: volunteer.id, name: volunteer.name }, open: 2, capacity: 1 });
      // Everywhere else the action carries no warning.
      const listed = (await c.get(`/api/actions?scope=network&networkId=${n}`).expect(200)).body as {
        id: string;
        capacityWarning: unknown;
      }[];
      expect(listed.find((a) => a.id === second.body.id)!.capacityWarning).toBeNull();

      // An organisation without a recorded capacity gets no warning, however many.
      const formal = await assign(s.core.organisation.id, 'Huisbezoek afleggen').expect(201);
      expect(formal.body.capacityWarning).toBeNull();
      // Moving it to the hybrid organisation (capacity 1, nothing open): no warning yet.
      const moved = await c.patch(`/api/actions/${formal.body.id}`).send({ ownerOrganisationId: hybrid.id, version: 1 }).expect(200);
      expect(moved.body.capacityWarning).toBeNull();
      // Moving the volunteers' second action there too: two open against one — warned, and moved.
      const over = await c.patch(`/api/actions/${second.body.id}`).send({ ownerOrganisationId: hybrid.id, version: 1 }).expect(200);
      expect(over.body).toMatchObject({ owner: { organisation: { id: hybrid.id } }, capacityWarning: { open: 2, capacity: 1 } });
      // A correction that does not change the owner warns of nothing.
      const redated = await c.patch(`/api/actions/${over.body.id}`).send({ dueDate: '2026-12-21', version: 2 }).expect(200);
      expect(redated.body.capacityWarning).toBeNull();
      // Done actions do not count: once the hybrid organisation finishes one, it is back within its capacity.
      await hybridAgent.patch(`/api/actions/${over.body.id}`).send({ status: 'DONE', version: 3 }).expect(200);
      const third = await assign(volunteer.id, 'Samen naar het wijkcentrum').expect(201);
      expect(third.body.capacityWarning).toEqual(expect.objectContaining({ open: 2, capacity: 1 }));
      const back = await c.patch(`/api/actions/${third.body.id}`).send({ ownerOrganisationId: hybrid.id, version: 1 }).expect(200);
      expect(back.body.capacityWarning).toEqual(expect.objectContaining({ open: 2, capacity: 1 }));
    });
  });
});
