import type { NetworkKind, NetworkRole, OrganisationKind, Ring } from '@casustafel/contract/enums';
import type { NetworkView } from '@casustafel/contract/networks';
import type { OrganisationView } from '@casustafel/contract/organisations';
import type { UserView } from '@casustafel/contract/users';
import { PASSWORD, type Agent, type TestApp } from './test-app';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

/** Builds records through the API as the administrator, so that every rule applies to test data too. */
export class Factories {
  constructor(
    private readonly testApp: TestApp,
    private readonly admin: Agent,
  ) {}

  static async for(testApp: TestApp): Promise<Factories> {
    return new Factories(testApp, await testApp.admin());
  }

  async organisation(kind: OrganisationKind = 'FORMAL', name = unique('Organisatie')): Promise<OrganisationView> {
    const res = await this.admin.post('/api/organisations').send({ name, kind, sector: 'Welzijn' }).expect(201);
    return res.body;
  }

  async user(organisationId: string, name = unique('Medewerker')): Promise<UserView> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@test.nl`;
    const res = await this.admin.post('/api/users').send({ name, email, password: PASSWORD, organisationId }).expect(201);
    return res.body;
  }

  async network(kind: NetworkKind = 'NEIGHBOURHOOD', name = unique('Netwerk')): Promise<NetworkView> {
    const res = await this.admin.post('/api/networks').send({ name, kind, area: 'Soesterkwartier' }).expect(201);
    return res.body;
  }

  async member(networkId: string, organisationId: string, ring: Ring): Promise<void> {
    await this.admin.post(`/api/networks/${networkId}/members`).send({ organisationId, ring }).expect(201);
  }

  async role(networkId: string, userId: string, role: NetworkRole): Promise<void> {
    await this.admin.post(`/api/networks/${networkId}/roles`).send({ userId, role }).expect(201);
  }

  /**
   * A network with a coordinator, a core partner, a shell partner and a volunteer rep, each from
   * their own organisation, logged in and ready.
   */
  async staffedNetwork(kind: NetworkKind = 'NEIGHBOURHOOD') {
    const network = await this.network(kind);
    const people = {} as Record<'coordinator' | 'core' | 'shell' | 'volunteer', { user: UserView; organisation: OrganisationView; agent: Agent }>;
    const setup: [keyof typeof people, OrganisationKind, Ring, NetworkRole][] = [
      ['coordinator', 'FORMAL', 'CORE', 'COORDINATOR'],
      ['core', 'FORMAL', 'CORE', 'CORE_PARTNER'],
      ['shell', 'FORMAL', 'SHELL', 'SHELL_PARTNER'],
      ['volunteer', 'INFORMAL', 'SHELL', 'VOLUNTEER_REP'],
    ];
    for (const [key, orgKind, ring, role] of setup) {
      const organisation = await this.organisation(orgKind);
      await this.member(network.id, organisation.id, ring);
      const user = await this.user(organisation.id);
      await this.role(network.id, user.id, role);
      people[key] = { user, organisation, agent: await this.testApp.login(user.email) };
    }
    return { network, ...people };
  }
}
