import type { HttpRequest } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { NotificationListView, NotificationView } from '@casustafel/contract/notifications';
import { answerGets, componentTestProviders, settle, turn } from '../testing/component-testing';
import { NOTIFICATION_POLL_MS, NotificationBell } from './notification-bell';

function aNotification(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 'n1',
    kind: 'CASE_STATUS_CHANGED',
    networkId: 'net1',
    networkName: 'Buurtnetwerk 55+ Soesterkwartier',
    title: 'Casus 2026-014 · Linde: nieuwe status Vinger aan de pols',
    params: { caseLabel: 'Casus 2026-014 · Linde', status: 'MONITORING' },
    link: '/casussen/c14',
    createdAt: '2026-03-02T09:30:00.000Z',
    readAt: null,
    ...overrides,
  };
}

const twoOfThree: NotificationListView = {
  items: [
    aNotification(),
    aNotification({ id: 'n2', kind: 'ACTION_ASSIGNED', title: 'Nieuwe actie voor je organisatie', params: {}, link: '/acties' }),
    aNotification({
      id: 'n3',
      kind: 'MINUTES_APPROVED',
      title: 'Een verslag is vastgesteld',
      params: {},
      link: '/overleggen/m1',
      readAt: '2026-03-01T10:00:00.000Z',
    }),
  ],
  unread: 2,
};

/** GET /api/notifications?limit=20 (the request's url is without its query). */
const listRequest = (r: HttpRequest<unknown>) => r.method === 'GET' && r.url === '/api/notifications' && r.params.get('limit') === '20';

/** The bell (issue #14): the unread count, the list on opening, choosing one marks it read and goes there, all read, polling. */
describe(NotificationBell.name, () => {
  let fixture: ComponentFixture<NotificationBell>;
  let http: HttpTestingController;
  let navigated: string[];
  const requested: string[] = [];
  const bell = () => (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="notification-bell"]')!;
  const badge = () => (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('.mat-badge-content');
  /** The menu's panel lives in the overlay container, outside the component. */
  const inPanel = (testId: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));
  const texts = (testId: string) => inPanel(testId).map((e) => e.textContent!.replace(/\s+/g, ' ').trim());

  async function render(list: NotificationListView, pollMs: number | null = null): Promise<void> {
    TestBed.configureTestingModule({ providers: [...componentTestProviders(), { provide: NOTIFICATION_POLL_MS, useValue: pollMs }] });
    http = TestBed.inject(HttpTestingController);
    navigated = [];
    vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockImplementation((url) => {
      navigated.push(String(url));
      return Promise.resolve(true);
    });
    fixture = TestBed.createComponent(NotificationBell);
    await answerGets(fixture, http, { '/api/notifications': list }, (req) => requested.push(req.request.urlWithParams), 2);
  }

  /** Opens the panel, which asks for the list again; answers it. */
  async function open(list: NotificationListView): Promise<void> {
    bell().click();
    await turn(fixture);
    const again = http.expectOne(listRequest);
    requested.push(again.request.urlWithParams);
    again.flush(list);
    await settle(fixture);
  }

  beforeEach(() => (requested.length = 0));
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
    http.verify();
  });

  it('shows the unread count on the bell and in its name, and on opening asks again and lists the notifications, unread ones marked "Nieuw"', async () => {
    await render(twoOfThree);
    expect(requested).toEqual(['/api/notifications?limit=20']);
    expect(bell().getAttribute('aria-label')).toBe('Meldingen, 2 ongelezen');
    expect(badge()?.textContent?.trim()).toBe('2');

    await open(twoOfThree);
    expect(requested).toEqual(['/api/notifications?limit=20', '/api/notifications?limit=20']);
    expect(inPanel('notification')).toHaveLength(3);
    const [first, , third] = inPanel('notification');
    expect(first.querySelector('[data-testid="notification-new"]')?.textContent?.trim()).toBe('Nieuw');
    expect(first.textContent).toContain('Casus 2026-014 · Linde: nieuwe status Vinger aan de pols');
    expect(first.textContent).toContain('Buurtnetwerk 55+ Soesterkwartier');
    // Amsterdam time (UTC+1 in March), whatever the test's zone.
    expect(first.querySelector('time')?.textContent).toBe('2 maart 2026 om 10:30');
    expect(first.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-02T09:30:00.000Z');
    expect(third.querySelector('[data-testid="notification-new"]')).toBeNull();
    expect(texts('notification-count')).toEqual(['2 ongelezen']);
    expect(texts('notifications-read-all')[0]).toContain('Alles gelezen');
    expect(inPanel('notification-settings-link')[0].getAttribute('href')).toBe('/account/meldingen');
  });

  it("takes the colour of where it sits (the toolbar's on-primary), not the icon button's default grey", async () => {
    await render(twoOfThree);
    (fixture.nativeElement as HTMLElement).style.color = 'rgb(255, 255, 255)';
    expect(getComputedStyle(bell()).color).toBe('rgb(255, 255, 255)');
  });

  it('marks a chosen notification read and goes to its link', async () => {
    await render(twoOfThree);
    await open(twoOfThree);
    inPanel('notification')[0].click();
    await turn(fixture);
    const read = http.expectOne({ method: 'POST', url: '/api/notifications/n1/read' });
    read.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(navigated).toEqual(['/casussen/c14']);
    expect(bell().getAttribute('aria-label')).toBe('Meldingen, 1 ongelezen');
    expect(badge()?.textContent?.trim()).toBe('1');
  });

  it('goes to a read notification without marking it again', async () => {
    await render(twoOfThree);
    await open(twoOfThree);
    inPanel('notification')[2].click();
    await settle(fixture);
    http.expectNone({ method: 'POST' });
    expect(navigated).toEqual(['/overleggen/m1']);
  });

  it('marks all read: the count goes, and nothing is marked "Nieuw" any more', async () => {
    await render(twoOfThree);
    await open(twoOfThree);
    inPanel('notifications-read-all')[0].click();
    await turn(fixture);
    http.expectOne({ method: 'POST', url: '/api/notifications/read-all' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(bell().getAttribute('aria-label')).toBe('Meldingen');
    expect(bell().classList).toContain('mat-badge-hidden');

    await open({ ...twoOfThree, items: twoOfThree.items.map((n) => ({ ...n, readAt: '2026-03-02T10:00:00.000Z' })), unread: 0 });
    expect(inPanel('notification-new')).toHaveLength(0);
    expect(inPanel('notifications-read-all')).toHaveLength(0);
  });

  it('says "Geen meldingen" when there are none, and still links to the settings', async () => {
    await render({ items: [], unread: 0 });
    expect(bell().getAttribute('aria-label')).toBe('Meldingen');
    await open({ items: [], unread: 0 });
    expect(texts('notifications-empty')).toEqual(['Geen meldingen']);
    expect(inPanel('notifications-read-all')).toHaveLength(0);
    expect(texts('notification-settings-link')[0]).toContain('Instellingen voor meldingen');
  });

  it('asks again every minute while the tab is visible, not while hidden, and stops when destroyed', async () => {
    vi.useFakeTimers();
    await render({ items: [], unread: 0 }, 60_000);
    expect(requested).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(60_000);
    http.expectOne(listRequest).flush(twoOfThree);
    await settle(fixture);
    expect(bell().getAttribute('aria-label')).toBe('Meldingen, 2 ongelezen');

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await vi.advanceTimersByTimeAsync(60_000);
    http.expectNone({ method: 'GET' });
    // Back to the tab: at once.
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    http.expectOne(listRequest).flush(twoOfThree);
    await settle(fixture);

    fixture.destroy();
    await vi.advanceTimersByTimeAsync(120_000);
    document.dispatchEvent(new Event('visibilitychange'));
    http.expectNone({ method: 'GET' });
  });
});
