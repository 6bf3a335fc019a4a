import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { MeNetwork } from '@casustafel/contract/auth';
import type { NetworkRole } from '@casustafel/contract/enums';
import type { MemberView, NetworkView } from '@casustafel/contract/networks';
import { answerGets, componentTestProviders, sessionWith, settle, turn } from '../testing/component-testing';
import { NetworkPage } from './network-page';

const member = (id: string, name: string, kind: MemberView['organisation']['kind'], capacity: number | null): MemberView => ({
  organisation: { id, name, kind, sector: null },
  ring: 'SHELL',
  since: '2025-01-15',
  capacity,
});

/** The network page (issue #13): capacity per informal or hybrid member, and the municipality's page without members. */
describe(NetworkPage.name, () => {
  let fixture: ComponentFixture<NetworkPage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const requested: string[] = [];

  async function render(role: NetworkRole, organisationId: string, members: MemberView[]): Promise<void> {
    const network: NetworkView = {
      id: 'n1',
      name: 'Buurtnetwerk 55+ Soesterkwartier',
      kind: 'NEIGHBOURHOOD',
      area: 'Soesterkwartier',
      createdAt: '2025-01-01T00:00:00.000Z',
      myRole: role,
      canManage: false,
    };
    const mine: MeNetwork = { id: 'n1', name: network.name, kind: 'NEIGHBOURHOOD', role };
    TestBed.configureTestingModule({
      providers: [
        ...componentTestProviders(),
        sessionWith({ organisation: { id: organisationId, name: organisationId }, networks: [mine] }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NetworkPage);
    fixture.componentRef.setInput('id', 'n1');
    const answers: Record<string, unknown> = {
      '/api/networks/n1': network,
      '/api/networks/n1/members': members,
      '/api/networks/n1/roles': [],
      '/api/networks/n1/confidentiality': { valid: true, statement: '', acceptedAt: null, validUntil: null },
      '/api/networks/n1/overview': {
        networkId: 'n1',
        networkName: network.name,
        role,
        casesToTriage: 0,
        referralsWaiting: 0,
        openQuestions: 0,
        questionsWithNewAnswers: 0,
        overdueActions: 0,
        actionsDueThisWeek: 0,
        overdueByOrganisation: [],
        submittedCasesOpen: 0,
        minutesAwaitingApproval: 0,
        nextMeeting: null,
      },
    };
    // Resources ask in waves (the members once the network is known): answer every GET until none is left.
    await answerGets(fixture, http, answers, (req) => requested.push(req.request.url));
  }

  beforeEach(() => (requested.length = 0));
  afterEach(() => http.verify());

  it("lets an informal organisation's own people set its capacity, shows other members' capacity, and none for a formal one", async () => {
    await render('VOLUNTEER_REP', 'org-humanitas', [
      member('org-humanitas', 'Humanitas Eemland', 'INFORMAL', 2),
      member('org-diaconie', 'Diaconie', 'INFORMAL', null),
      member('org-huisarts', 'Huisartsenpraktijk', 'FORMAL', null),
    ]);
    const cell = (id: string) => element().querySelector<HTMLElement>(`[data-testid="capacity-${id}"]`)!;
    const own = cell('org-humanitas').querySelector<HTMLInputElement>('input')!;
    expect(own.value).toBe('2');
    expect(own.getAttribute('aria-label')).toBe('Hoeveel open acties Humanitas Eemland kan dragen');
    expect(cell('org-diaconie').querySelector('input')).toBeNull();
    expect(cell('org-diaconie').textContent?.trim()).toBe('niet vastgelegd');
    expect(cell('org-huisarts').textContent?.trim()).toBe('');

    own.value = '3';
    own.dispatchEvent(new Event('change'));
    const patch = http.expectOne({ method: 'PATCH', url: '/api/networks/n1/members/org-humanitas' });
    expect(patch.request.body).toEqual({ capacity: 3 });
    patch.flush(member('org-humanitas', 'Humanitas Eemland', 'INFORMAL', 3));
    await turn(fixture);
    await turn(fixture);
    // Saved: the members are read again.
    http.expectOne({ method: 'GET', url: '/api/networks/n1/members' }).flush([member('org-humanitas', 'Humanitas Eemland', 'INFORMAL', 3)]);
    await settle(fixture);
  });

  it('clears the capacity with an empty field (null: not recorded)', async () => {
    await render('VOLUNTEER_REP', 'org-humanitas', [member('org-humanitas', 'Humanitas Eemland', 'INFORMAL', 2)]);
    const own = element().querySelector<HTMLInputElement>('[data-testid="capacity-org-humanitas"] input')!;
    own.value = '';
    own.dispatchEvent(new Event('change'));
    const patch = http.expectOne({ method: 'PATCH', url: '/api/networks/n1/members/org-humanitas' });
    expect(patch.request.body).toEqual({ capacity: null });
    patch.flush(member('org-humanitas', 'Humanitas Eemland', 'INFORMAL', null));
    await turn(fixture);
    await turn(fixture);
    http.expectOne({ method: 'GET', url: '/api/networks/n1/members' }).flush([]);
    await settle(fixture);
  });

  it('shows the municipality the network and its lead, and asks for no members, roles, work or confidentiality', async () => {
    await render('MUNICIPALITY', 'org-gemeente', []);
    expect(requested.filter((url) => url !== '/api/networks/n1')).toEqual([]);
    expect(element().querySelector('[data-testid="municipality-lead"]')!.textContent).toContain(
      'Als gemeente zie je van dit netwerk de naam, het soort en de cijfers.',
    );
    expect(element().querySelector('#members-heading')).toBeNull();
    expect(element().textContent).not.toContain('Convenant');
    // Its tabs: the network (no members and roles to show) and the figures.
    expect(Array.from(element().querySelectorAll('[mat-tab-link]')).map((a) => a.textContent!.trim())).toEqual([
      'Over het netwerk',
      'Cijfers',
    ]);
  });
});
