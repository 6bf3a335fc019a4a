import type { CovenantRole, DisclosureLevel, NetworkKind, NetworkRole, OrganisationKind, Ring } from '@casustafel/contract/enums';
import type { NetworkView } from '@casustafel/contract/networks';
import type { OrganisationView } from '@casustafel/contract/organisations';
import type { UserView } from '@casustafel/contract/users';
import { PASSWORD, type Agent, type TestApp } from './test-app';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

/** What the factories need of an app: a {@link TestApp}, or several instances behind one address. */
export type FactoryHost = Pick<TestApp, 'clock' | 'anonymous' | 'login' | 'admin' | 'mailedToken'>;

/** Builds records through the API as the administrator, so that every rule applies to test data too. */
export class Factories {
  private session?: { agent: Agent; at: number };

  private constructor(private readonly testApp: FactoryHost) {}

  static async for(testApp: FactoryHost): Promise<Factories> {
    return new Factories(testApp);
  }

  /** The administrator's session, renewed when the test clock has moved past the idle timeout. */
  private async adminAgent(): Promise<Agent> {
    const now = this.testApp.clock.now().getTime();
    if (!this.session || now - this.session.at > 20 * 60_000) this.session = { agent: await this.testApp.admin(), at: now };
    return this.session.agent;
  }

  async organisation(kind: OrganisationKind = 'FORMAL', name = unique('Organisatie')): Promise<OrganisationView> {
    const res = await (await this.adminAgent()).post('/api/organisations').send({ name, kind, sector: 'Welzijn' }).expect(201);
    return res.body;
  }

  async user(organisationId: string, name = unique('Medewerker')): Promise<UserView> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@test.nl`;
    const res = await (await this.adminAgent()).post('/api/users').send({ name, email, organisationId }).expect(201);
    await this.activate(email);
    return { ...res.body, activated: true };
  }

  /** The owner of a new account chooses PASSWORD with the link from the activation mail. */
  async activate(email: string, password = PASSWORD): Promise<void> {
    const token = await this.testApp.mailedToken(email, 'activation');
    await this.testApp.anonymous().post('/api/auth/activate').send({ token, password }).expect(204);
  }

  async network(kind: NetworkKind = 'NEIGHBOURHOOD', name = unique('Netwerk')): Promise<NetworkView> {
    const res = await (await this.adminAgent()).post('/api/networks').send({ name, kind, area: 'Soesterkwartier' }).expect(201);
    return res.body;
  }

  async member(networkId: string, organisationId: string, ring: Ring): Promise<void> {
    await (await this.adminAgent()).post(`/api/networks/${networkId}/members`).send({ organisationId, ring }).expect(201);
  }

  async role(networkId: string, userId: string, role: NetworkRole): Promise<void> {
    await (await this.adminAgent()).post(`/api/networks/${networkId}/roles`).send({ userId, role }).expect(201);
  }

  /** The user accepts the network's confidentiality statement. */
  async accept(agent: Agent, networkId: string): Promise<void> {
    await agent.post(`/api/networks/${networkId}/confidentiality/accept`).expect(200);
  }

  /**
   * A new covenant version in which the given roles see the identity in the minutes at the given
   * levels (the rest as they were), so that each reader's minutes differ. Returns the new version.
   */
  async minutesLevels(coordinator: Agent, networkId: string, minutes: Partial<Record<CovenantRole, DisclosureLevel>>): Promise<number> {
    const covenant = (await coordinator.get(`/api/networks/${networkId}/covenant`).expect(200)).body;
    const levels = structuredClone(covenant.levels);
    for (const [role, level] of Object.entries(minutes)) levels[role].MINUTES = level;
    const body = {
      levels,
      retentionMonths: 24,
      anonymousQuestionSubmitter: true,
      confidentialityStatement: covenant.confidentialityStatement,
    };
    return (await coordinator.put(`/api/networks/${networkId}/covenant`).send(body).expect(200)).body.version;
  }

  /**
   * A network with a coordinator, a core partner, a shell partner and a volunteer rep, each from
   * their own organisation, logged in and ready.
   */
  async staffedNetwork(kind: NetworkKind = 'NEIGHBOURHOOD', options: { accepted?: boolean } = {}) {
    const network = await this.network(kind);
    const people = {} as Record<
      'coordinator' | 'core' | 'shell' | 'volunteer',
      { user: UserView; organisation: OrganisationView; agent: Agent }
    >;
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
      if (options.accepted) await this.accept(people[key].agent, network.id);
    }
    return { network, ...people };
  }
}

/** A client whose surname occurs nowhere else, so that any leak is found by a plain text search. */
export const CANARY = {
  givenName: 'Gerrit',
  surname: 'van Canariusveld',
  dateOfBirth: '1948-05-17',
  street: 'Kwikstaartlaan',
  houseNumber: '27',
  postcode: '3813 KZ',
  city: 'Amersfoort',
  phone: '06 41 52 63 74',
};
/** Markers that cannot occur by chance: four bare digits ("3813") do turn up in hex hashes and ids. */
export const CANARY_MARKERS = ['Canariusveld', 'Kwikstaartlaan', '3813 KZ', '41 52 63 74', '1948-05-17'];

export function caseBody(overrides: Record<string, unknown> = {}) {
  return {
    client: CANARY,
    neighbourhood: 'Soesterkwartier',
    problemAreas: ['HOUSING', 'SELF_CARE'],
    urgency: 'HIGH',
    consent: 'GIVEN',
    summary: 'Oudere man, woning raakt vervuild, weigert de thuiszorg. Buren maken zich zorgen over brandgevaar.',
    ...overrides,
  };
}

/** A consultative question about a pseudonymous situation, as a volunteer organisation asks it. */
export function questionBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Oudere vrouw laat post liggen',
    situation: 'Een oudere vrouw van rond de 80 in het Soesterkwartier laat al weken de post liggen en komt niet meer buiten.',
    question: 'Hoe ernstig is dit, en wat kunnen wij als vrijwilligers doen?',
    neighbourhood: 'Soesterkwartier',
    ageBand: '80_PLUS',
    problemAreas: ['SELF_CARE', 'SOCIAL_NETWORK'],
    ...overrides,
  };
}
