import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatInputHarness } from '@angular/material/input/testing';
import { componentTestProviders, settle } from '../testing/component-testing';
import { AnswerForm } from './answer-form';

describe(AnswerForm.name, () => {
  let fixture: ComponentFixture<AnswerForm>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AnswerForm);
    fixture.componentRef.setInput('questionId', 'q1');
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('is empty again after the answer is recorded, without calling the emptied advice an error', async () => {
    const answered = vi.fn();
    fixture.componentInstance.answered.subscribe(answered);
    const advice = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatInputHarness.with({ selector: '[data-testid="answer-advice"]' }),
    );
    await advice.setValue('Vraag de ouderenadviseur om samen langs te gaan.');
    element().querySelector<HTMLButtonElement>('[data-testid="answer-submit"]')!.click();
    await settle(fixture);
    const request = http.expectOne('/api/questions/q1/answer');
    expect(request.request.body).toEqual({
      advice: 'Vraag de ouderenadviseur om samen langs te gaan.',
      severity: 'MEDIUM',
      recommendation: 'ADVICE_ONLY',
    });
    request.flush({});
    await settle(fixture);
    expect(answered).toHaveBeenCalledTimes(1);
    expect(await advice.getValue()).toBe('');
    expect(element().querySelector('mat-error')).toBeNull();
    expect(element().querySelector('[aria-invalid="true"]')).toBeNull();
  });

  it('still says what is missing when the advice is submitted empty', async () => {
    element().querySelector<HTMLButtonElement>('[data-testid="answer-submit"]')!.click();
    await settle(fixture);
    http.expectNone('/api/questions/q1/answer');
    expect(element().querySelector('mat-error')?.textContent?.trim()).toBeTruthy();
  });
});
