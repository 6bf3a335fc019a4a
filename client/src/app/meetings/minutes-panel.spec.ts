import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import type { MinutesView } from '@casustafel/contract/minutes';
import { componentTestProviders, settle, turn } from '../testing/component-testing';
import { MinutesPanel } from './minutes-panel';

function minutes(can: Partial<MinutesView['can']>, status: MinutesView['status'] = 'DRAFT'): MinutesView {
  return {
    meetingId: 'm1',
    status,
    version: 2,
    sections: [],
    addenda: [],
    approvedAt: null,
    approvalReason: null,
    sha256: 'abc',
    readerLevel: { level: 'FULL', explanation: '' },
    can: { edit: false, send: false, comment: false, approve: false, addendum: false, ...can },
  } as unknown as MinutesView;
}

describe(MinutesPanel.name, () => {
  let fixture: ComponentFixture<MinutesPanel>;
  let http: HttpTestingController;

  async function open(answer: MinutesView | 404, viewerAbsent = false): Promise<void> {
    fixture = TestBed.createComponent(MinutesPanel);
    fixture.componentRef.setInput('meetingId', 'm1');
    fixture.componentRef.setInput('meetingStatus', 'CLOSED');
    fixture.componentRef.setInput('viewerAbsent', viewerAbsent);
    await turn(fixture);
    const req = http.expectOne({ method: 'GET', url: '/api/meetings/m1/minutes' });
    if (answer === 404) req.flush({ message: 'Niet gevonden.' }, { status: 404, statusText: 'Not Found' });
    else req.flush(answer);
    await settle(fixture);
  }

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it.each([
    ['send', 'minutes-send', 'aanwezig waren krijgen het verslag'],
    ['approve', 'minutes-approve', 'SHA-256'],
  ])('asks before %s and sends nothing when the dialog is cancelled; sends on confirm', async (path, testId, says) => {
    await open(minutes({ send: true, approve: true }, 'SENT' as MinutesView['status']));
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const button = () => loader.getHarness(MatButtonHarness.with({ selector: `[data-testid="${testId}"]` }));

    await (await button()).click();
    let dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getContentText()).toContain(says);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Annuleren' }))).click();
    await settle(fixture);
    http.expectNone({ method: 'POST' });

    await (await button()).click();
    dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid="confirm"]' }))).click();
    await turn(fixture);
    http.expectOne({ method: 'POST', url: `/api/meetings/m1/minutes/${path}` }).flush({});
    await turn(fixture);
    http.expectOne({ method: 'GET', url: '/api/meetings/m1/minutes' }).flush(minutes({}));
    await settle(fixture);
  });

  it('tells a partner whose organisation was absent why there are no minutes for them', async () => {
    await open(404, true);
    expect(text()).toContain('Je organisatie was niet aanwezig bij dit overleg. Je krijgt het verslag als het is vastgesteld.');
  });

  it('tells a partner who was present that the minutes are not sent yet', async () => {
    await open(404, false);
    expect(text()).toContain('Het verslag is nog niet verstuurd.');
  });
});
