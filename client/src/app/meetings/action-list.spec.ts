import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { ActionView } from '@casustafel/contract/meetings';
import { anAction, componentTestProviders, settle, turn } from '../testing/component-testing';
import { ActionList } from './action-list';

describe(ActionList.name, () => {
  let fixture: ComponentFixture<ActionList>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let corrected: ActionView[];

  async function render(actions: ActionView[], canCorrect: boolean): Promise<void> {
    fixture = TestBed.createComponent(ActionList);
    fixture.componentRef.setInput('actions', actions);
    fixture.componentRef.setInput('canCorrect', canCorrect);
    fixture.componentRef.setInput('organisations', [{ id: 'org-huisarts', name: 'Huisartsenpraktijk' }]);
    corrected = [];
    fixture.componentInstance.corrected.subscribe((a) => corrected.push(a));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await settle(fixture);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('lets the coordinator correct the due date, sending only what changed with the version', async () => {
    await render([anAction({ dueDate: '2099-01-12', version: 4 })], true);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Corrigeren' }))).click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="correct-due"]' }))).setValue('2099-01-19');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Correctie opslaan' }))).click();
    await turn(fixture);
    const patch = http.expectOne({ method: 'PATCH', url: '/api/actions/a1' });
    expect(patch.request.body).toEqual({ dueDate: '2099-01-19', version: 4 });
    patch.flush(anAction({ dueDate: '2099-01-19', version: 5 }));
    await settle(fixture);
    expect(corrected.map((a) => a.dueDate)).toEqual(['2099-01-19']);
  });

  it("shows a correction in the action's history, dates as dates", async () => {
    await render(
      [
        anAction({
          history: [
            {
              at: '2099-01-05T10:00:00Z',
              by: 'Sanne Visser',
              kind: 'CORRECTION',
              status: 'OPEN',
              note: null,
              notDoneReason: null,
              corrected: [{ field: 'dueDate', from: '2099-01-12', to: '2099-01-19' }],
            },
          ],
        }),
      ],
      false,
    );
    const line = (fixture.nativeElement as HTMLElement)
      .querySelector('[data-testid="action-correction"]')!
      .textContent!.replace(/\s+/g, ' ');
    expect(line).toContain('Uiterste datum 12 januari 2099 → 19 januari 2099');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Corrigeren' }))).toHaveLength(0);
  });
});
