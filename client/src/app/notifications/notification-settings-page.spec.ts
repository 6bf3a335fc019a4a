import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import type { NotificationKind, NotificationMode, NotificationSettingsView } from '@casustafel/contract/notifications';
import { answerGets, componentTestProviders, settle, turn } from '../testing/component-testing';
import { NotificationSettingsPage } from './notification-settings-page';

const KINDS: NotificationKind[] = [
  'ACTION_ASSIGNED',
  'ACTION_DUE_SOON',
  'ACTION_OVERDUE',
  'MINUTES_FOR_COMMENT',
  'MINUTES_APPROVED',
  'QUESTION_ANSWERED',
  'QUESTION_FOLLOW_UP',
  'CASE_STATUS_CHANGED',
  'MEETING_INVITATION',
  'MEETING_AGENDA',
  'REFERRAL_RECEIVED',
  'REFERRAL_DECIDED',
];

function view(modes: Partial<Record<NotificationKind, NotificationMode>> = {}): NotificationSettingsView {
  return {
    settings: KINDS.map((kind) => ({
      kind,
      mode: modes[kind] ?? (kind === 'ACTION_DUE_SOON' || kind === 'MINUTES_APPROVED' ? 'DIGEST' : 'IMMEDIATE'),
      modes: kind === 'MEETING_INVITATION' ? ['IMMEDIATE', 'OFF'] : ['IMMEDIATE', 'DIGEST', 'OFF'],
    })),
    digestHour: 7,
  };
}

/** The notification settings (issue #14): the modes each kind offers, only changed kinds sent, a refusal shown, "Opgeslagen". */
describe(NotificationSettingsPage.name, () => {
  let fixture: ComponentFixture<NotificationSettingsPage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const text = (selector: string) => element().querySelector<HTMLElement>(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const radio = (kind: NotificationKind, mode: NotificationMode) =>
    TestbedHarnessEnvironment.loader(fixture).getHarness(MatRadioButtonHarness.with({ selector: `[data-testid="${kind}-${mode}"]` }));
  const save = () => element().querySelector<HTMLButtonElement>('[data-testid="save"]')!.click();

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationSettingsPage);
    await answerGets(fixture, http, { '/api/me/notification-settings': view() }, () => undefined, 2);
  });
  afterEach(() => http.verify());

  it('shows every kind with the modes it offers, the digest with its hour, and no digest for a meeting invitation', () => {
    expect(text('h1')).toBe('Meldingen');
    expect(element().textContent).toContain('Een e-mail noemt nooit wie een cliënt is');
    const legends = Array.from(element().querySelectorAll('legend')).map((l) => l.textContent!.trim());
    expect(legends).toHaveLength(12);
    expect(legends[0]).toBe('Een actie voor je organisatie');
    expect(legends[8]).toBe('Uitnodiging voor een overleg (met agenda-item voor je agenda)');

    const modes = (kind: NotificationKind) =>
      Array.from(element().querySelectorAll(`[data-testid="setting-${kind}"] mat-radio-button`)).map((r) => r.textContent!.trim());
    expect(modes('ACTION_ASSIGNED')).toEqual([
      'Direct per e-mail',
      'Dagelijks overzicht per e-mail (om 07:00)',
      'Niet per e-mail (alleen in Casustafel)',
    ]);
    expect(modes('MEETING_INVITATION')).toEqual(['Direct per e-mail', 'Niet per e-mail (alleen in Casustafel)']);
    // The radio group is named by its kind.
    const group = element().querySelector('[data-testid="setting-ACTION_DUE_SOON"] mat-radio-group')!;
    expect(
      element()
        .querySelector(`#${group.getAttribute('aria-labelledby')}`)
        ?.textContent?.trim(),
    ).toBe('Een actie van je organisatie verloopt over 3 dagen');
  });

  it('shows the current choice, sends only the kinds that changed, and says "Opgeslagen"', async () => {
    expect(await (await radio('ACTION_DUE_SOON', 'DIGEST')).isChecked()).toBe(true);
    await (await radio('ACTION_DUE_SOON', 'OFF')).check();
    await (await radio('MEETING_INVITATION', 'OFF')).check();
    // Back to what it was: not a change.
    await (await radio('ACTION_ASSIGNED', 'DIGEST')).check();
    await (await radio('ACTION_ASSIGNED', 'IMMEDIATE')).check();
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(true);

    save();
    await turn(fixture);
    const put = http.expectOne({ method: 'PUT', url: '/api/me/notification-settings' });
    expect(put.request.body).toEqual({
      settings: [
        { kind: 'ACTION_DUE_SOON', mode: 'OFF' },
        { kind: 'MEETING_INVITATION', mode: 'OFF' },
      ],
    });
    put.flush(view({ ACTION_DUE_SOON: 'OFF', MEETING_INVITATION: 'OFF' }));
    await settle(fixture);
    expect(text('[data-testid="save-status"]')).toMatch(/^Opgeslagen \d\d:\d\d$/);
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(false);
    expect(await (await radio('ACTION_DUE_SOON', 'OFF')).isChecked()).toBe(true);
  });

  it('sends nothing when nothing changed', async () => {
    save();
    await settle(fixture);
    http.expectNone({ method: 'PUT' });
    expect(text('[data-testid="save-status"]')).toMatch(/^Er was niets gewijzigd \(\d\d:\d\d\)\.$/);
  });

  it("shows the server's refusal (400) in the error summary and keeps the choice", async () => {
    await (await radio('REFERRAL_DECIDED', 'OFF')).check();
    save();
    await turn(fixture);
    http.expectOne({ method: 'PUT', url: '/api/me/notification-settings' }).flush(
      {
        statusCode: 400,
        message: 'Kies direct, dagelijks overzicht of uit.',
        error: 'Bad Request',
        fields: { 'settings.0.mode': ['Kies direct, dagelijks overzicht of uit.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(text('[data-testid="error-summary-message"]')).toBe('Kies direct, dagelijks overzicht of uit.');
    expect(text('[data-testid="save-status"]')).toBe('');
    expect(await (await radio('REFERRAL_DECIDED', 'OFF')).isChecked()).toBe(true);
    expect(fixture.componentInstance.hasUnsavedInput()).toBe(true);
  });
});
