import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { anAction, componentTestProviders, settle, turn } from '../testing/component-testing';
import { MyActionsPage } from './my-actions-page';

describe(MyActionsPage.name, () => {
  it('asks before closing an action as "Niet gedaan", naming the reason, and sends nothing when cancelled', async () => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MyActionsPage);
    await turn(fixture);
    http.expectOne((req) => req.url === '/api/actions').flush([anAction()]);
    await settle(fixture);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const root = TestbedHarnessEnvironment.documentRootLoader(fixture);

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="action-not-done"]' }))).click();
    const reason = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="not-done-reason"]' }));
    await reason.open();
    await reason.clickOptions({ text: 'Omstandigheden veranderd' });
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="not-done-note"]' }))).setValue('Mevrouw is verhuisd.');
    const save = () => loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="not-done-save"]' }));

    await (await save()).click();
    let dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getContentText()).toContain('Omstandigheden veranderd');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Annuleren' }))).click();
    await settle(fixture);
    http.expectNone({ method: 'PATCH' });

    await (await save()).click();
    dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid="confirm"]' }))).click();
    await turn(fixture);
    const patch = http.expectOne({ method: 'PATCH', url: '/api/actions/a1' });
    expect(patch.request.body).toEqual({
      status: 'NOT_DONE',
      notDoneReason: 'CIRCUMSTANCES_CHANGED',
      note: 'Mevrouw is verhuisd.',
      version: 1,
    });
    patch.flush(anAction({ status: 'NOT_DONE' }));
    await turn(fixture);
    http.expectOne((req) => req.url === '/api/actions').flush([]);
    await settle(fixture);
    http.verify();
  });
});
