import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting, type HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { importProvidersFrom, provideZonelessChangeDetection, signal, type Provider, type EnvironmentProviders } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { MeNetwork, MeView } from '@casustafel/contract/auth';
import type { ActionView, AgendaItemView, MeetingView } from '@casustafel/contract/meetings';
import { Session } from '../core/session';
import nl from '../i18n/nl.json';

/**
 * What a component test needs: zoneless change detection, HttpClient against HttpTestingController, a
 * router, the Dutch translations, Material without animations. Used only by `*.spec.ts` files.
 */
export function componentTestProviders(): (Provider | EnvironmentProviders)[] {
  return [
    provideZonelessChangeDetection(),
    provideHttpClient(),
    provideHttpClientTesting(),
    provideRouter([]),
    importProvidersFrom(
      TranslocoTestingModule.forRoot({
        langs: { nl },
        translocoConfig: { availableLangs: ['nl'], defaultLang: 'nl', fallbackLang: 'nl' },
        preloadLangs: true,
      }),
    ),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}

/** A signed-in user with a role in one network, for pages that read the session. */
export function sessionWith(me: Partial<MeView> & { networks: MeNetwork[] }): Provider {
  const user = signal<MeView>({
    id: 'u-coordinator',
    name: 'Sanne Visser',
    email: 'coordinator@example.nl',
    isAdmin: false,
    organisation: { id: 'org-welzijn', name: 'Stichting Welzijn' },
    guestMeetings: [],
    mfa: { enabled: false, enrolmentRequired: false },
    ...me,
  } as MeView);
  return { provide: Session, useValue: { me: user, networks: () => user().networks, isAdmin: () => false } };
}

export function anAction(overrides: Partial<ActionView> = {}): ActionView {
  return {
    id: 'a1',
    networkId: 'n1',
    networkName: 'Buurtnetwerk',
    meetingId: 'm1',
    agendaItemId: 'i1',
    case: null,
    description: 'Huisbezoek afleggen',
    owner: { organisation: { id: 'org-huisarts', name: 'Huisartsenpraktijk' }, user: null },
    dueDate: '2099-01-12',
    status: 'OPEN',
    overdue: false,
    notDoneReason: null,
    note: null,
    version: 1,
    history: [],
    canUpdate: true,
    capacityWarning: null,
    ...overrides,
  };
}

export function anItem(overrides: Partial<AgendaItemView> = {}): AgendaItemView {
  return {
    id: 'i1',
    position: 0,
    kind: 'OTHER',
    title: 'Thema',
    minutes: 10,
    notes: '',
    decisions: '',
    version: 3,
    case: null,
    keepOnAgenda: false,
    question: null,
    actions: [],
    ...overrides,
  };
}

export function aMeeting(overrides: Partial<MeetingView> = {}): MeetingView {
  return {
    id: 'm1',
    networkId: 'n1',
    startsAt: '2099-02-19T13:00:00.000Z',
    durationMinutes: 90,
    location: 'Buurthuis',
    onlineUrl: null,
    status: 'IN_PROGRESS',
    cancelledReason: null,
    meetingLevel: true,
    canManage: true,
    locked: false,
    guest: null,
    guests: [],
    agenda: [anItem()],
    attendance: [
      { organisation: { id: 'org-welzijn', name: 'Stichting Welzijn' }, status: 'PRESENT', people: [] },
      { organisation: { id: 'org-huisarts', name: 'Huisartsenpraktijk' }, status: 'PRESENT', people: [] },
    ],
    ...overrides,
  };
}

/** The meeting with one item replaced (as the server returns it after a PATCH). */
export function withItem(meeting: MeetingView, item: AgendaItemView): MeetingView {
  return { ...meeting, agenda: meeting.agenda.map((i) => (i.id === item.id ? item : i)) };
}

/**
 * Lets a flushed response travel through its promises (firstValueFrom, awaits in the component) and the
 * view catch up: a macrotask turn, then stability. Works with real and with fake timers.
 */
export async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  for (let turn = 0; turn < 3; turn++) {
    if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(1);
    else await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await fixture.whenStable();
}

/** Like `settle`, without waiting for stability: for while a request is still open (a loading resource keeps the app unstable). */
export async function turn(fixture: { detectChanges(): void }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(1);
    else await new Promise((resolve) => setTimeout(resolve, 0));
  }
  fixture.detectChanges();
}

/**
 * Answers every GET the component asks, wave after wave (a resource asks once the one before it is known), from
 * `answers` by URL (null for any other); records each request as `record(request)` gives it. Ends settled.
 */
export async function answerGets(
  fixture: { detectChanges(): void; whenStable(): Promise<unknown> },
  http: HttpTestingController,
  answers: Record<string, unknown>,
  record: (request: TestRequest) => void = () => undefined,
  waves = 6,
): Promise<void> {
  fixture.detectChanges();
  for (let wave = 0; wave < waves; wave++) {
    await turn(fixture);
    for (const req of http.match((r) => r.method === 'GET')) {
      record(req);
      req.flush(answers[req.request.url] ?? null);
    }
  }
  await settle(fixture);
}
