import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { MeNetwork } from '@casustafel/contract/auth';
import type { NetworkOverviewView } from '@casustafel/contract/overview';
import { componentTestProviders, settle } from '../testing/component-testing';
import { WorkQueue } from './work-queue';

const none: Omit<NetworkOverviewView, 'role'> = {
  networkId: 'n1',
  networkName: 'Buurtnetwerk Soesterkwartier',
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
};

/** Runs the first change detection, so that resources send their requests (a pending resource keeps the fixture unstable). */
async function begin(fixture: { detectChanges(): void }): Promise<void> {
  fixture.detectChanges();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe(WorkQueue.name, () => {
  let fixture: ComponentFixture<WorkQueue>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const line = (testId: string) => element().querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const link = (testId: string) => line(testId)?.querySelector('a')?.getAttribute('href');

  async function render(role: MeNetwork['role'], overview: Partial<NetworkOverviewView>): Promise<void> {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WorkQueue);
    fixture.componentRef.setInput('network', { id: 'n1', name: 'Buurtnetwerk Soesterkwartier', kind: 'NEIGHBOURHOOD', role });
    await begin(fixture);
    http.expectOne({ method: 'GET', url: '/api/networks/n1/overview' }).flush({ ...none, role, ...overview });
    await settle(fixture);
  }

  afterEach(() => http.verify());

  it("shows the coordinator's triage, next meeting, overdue actions per organisation and minutes, each linking to its list", async () => {
    await render('COORDINATOR', {
      casesToTriage: 2,
      referralsWaiting: 1,
      openQuestions: 1,
      overdueActions: 3,
      overdueByOrganisation: [
        { organisation: { id: 'o1', name: 'Woningcorporatie Portaal' }, count: 2 },
        { organisation: { id: 'o2', name: 'Huisartsenpraktijk' }, count: 1 },
      ],
      minutesAwaitingApproval: 1,
      nextMeeting: { id: 'm1', startsAt: '2026-12-03T13:00:00.000Z', agendaReady: false },
    });
    expect(line('wq-triage')!.textContent).toContain('Nieuwe casussen te beoordelen: 2');
    expect(link('wq-triage')).toBe('/netwerken/n1/casussen?status=SUBMITTED');
    expect(line('wq-referrals')!.textContent).toContain('Doorverwijzingen uit andere netwerken die wachten op je besluit: 1');
    expect(link('wq-referrals')).toBe('/netwerken/n1');
    expect(line('wq-open-questions')!.textContent).toContain('Vragen die op antwoord wachten: 1');
    expect(link('wq-open-questions')).toBe('/netwerken/n1/vragen');
    expect(line('wq-overdue')!.textContent).toContain('Acties over de termijn: 3');
    expect(line('wq-overdue')!.textContent).toContain('Woningcorporatie Portaal: 2');
    expect(line('wq-minutes')!.textContent).toContain('Verslagen die nog vastgesteld moeten worden: 1');
    expect(line('wq-next-meeting')!.textContent).toContain('agenda nog samenstellen');
    expect(link('wq-next-meeting')).toBe('/overleggen/m1');
    expect(line('wq-my-actions')).toBeNull();
  });

  it("shows a partner's actions (overdue, this week) and the cases their organisation brought in", async () => {
    await render('CORE_PARTNER', { overdueActions: 1, actionsDueThisWeek: 2, submittedCasesOpen: 4 });
    expect(line('wq-my-actions')!.textContent).toContain('Mijn acties: 1 te laat, 2 deze week');
    expect(link('wq-my-actions')).toBe('/acties');
    expect(line('wq-submitted-cases')!.textContent).toContain('Lopende casussen die je organisatie inbracht: 4');
    expect(line('wq-triage')).toBeNull();
    expect(line('wq-referrals')).toBeNull();
    expect(line('wq-overdue')).toBeNull();
    expect(line('wq-next-meeting')!.textContent).toContain('Geen overleg gepland');
  });

  it("shows a volunteer rep's questions with new answers, and nothing of the coordinator's triage", async () => {
    await render('VOLUNTEER_REP', {
      questionsWithNewAnswers: 1,
      openQuestions: 2,
      nextMeeting: { id: 'm2', startsAt: '2026-12-03T13:00:00.000Z', agendaReady: true },
    });
    expect(line('wq-new-answers')!.textContent).toContain('Vragen met een nieuw antwoord: 1');
    expect(link('wq-new-answers')).toBe('/netwerken/n1/vragen');
    expect(line('wq-my-open-questions')!.textContent).toContain('Open vragen van je organisatie: 2');
    expect(line('wq-triage')).toBeNull();
    expect(line('wq-submitted-cases')).toBeNull();
    // The agenda's state is the coordinator's business.
    expect(line('wq-next-meeting')!.textContent).not.toContain('agenda');
  });

  it('says so when nothing waits', async () => {
    await render('SHELL_PARTNER', {});
    expect(element().textContent).toContain('Niets dat op je wacht in dit netwerk.');
  });

  it('asks the municipality for no work at all: it sees figures only, so no overview is requested', async () => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WorkQueue);
    fixture.componentRef.setInput('network', {
      id: 'n1',
      name: 'Buurtnetwerk Soesterkwartier',
      kind: 'NEIGHBOURHOOD',
      role: 'MUNICIPALITY',
    });
    await begin(fixture);
    await settle(fixture);
    http.expectNone({ url: '/api/networks/n1/overview' });
    expect(line('wq-municipality')!.textContent).toContain('Als gemeente zie je van dit netwerk alleen de cijfers');
    expect(element().textContent).toContain('Gemeente');
    expect(line('wq-triage')).toBeNull();
  });
});
