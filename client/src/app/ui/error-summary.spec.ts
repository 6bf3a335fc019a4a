import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputModule } from '@angular/material/input';
import { MatInputHarness } from '@angular/material/input/testing';
import { componentTestProviders, settle } from '../testing/component-testing';
import { ErrorSummary } from './error-summary';
import { ErrorTextPipe } from './error-text.pipe';
import { FormSubmit } from './form-submit';

/** A small form as every page builds one: the summary at the top, an error in words under each field. */
@Component({
  selector: 'app-test-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, ErrorSummary, ErrorTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="send()" novalidate>
      <app-error-summary [submit]="submission" />
      <mat-form-field>
        <mat-label>Naam</mat-label>
        <input matInput formControlName="name" required data-testid="name" />
        <mat-error>{{ form.controls.name | errorText }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Buurt</mat-label>
        <input matInput formControlName="neighbourhood" data-testid="neighbourhood" />
        <mat-error>{{ form.controls.neighbourhood | errorText }}</mat-error>
      </mat-form-field>
      <button type="submit" [disabled]="submission.busy()">Versturen</button>
    </form>
  `,
})
class TestForm {
  readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(3)] }),
    neighbourhood: new FormControl('', { nonNullable: true }),
  });
  readonly submission = new FormSubmit();
  answer: () => Promise<unknown> = async () => undefined;

  async send(): Promise<void> {
    await this.submission.run(this.form, () => this.answer());
  }
}

const badRequest = (fields: Record<string, string[]>, message = 'Het verzoek is niet geldig.') =>
  new HttpErrorResponse({ status: 400, error: { statusCode: 400, message, error: 'Bad Request', fields } });

describe(ErrorSummary.name, () => {
  let fixture: ComponentFixture<TestForm>;
  let loader: HarnessLoader;
  const element = () => fixture.nativeElement as HTMLElement;
  const summary = () => element().querySelector<HTMLElement>('[data-testid="error-summary"]');
  const submit = async () => {
    element().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(fixture);
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: componentTestProviders() });
    fixture = TestBed.createComponent(TestForm);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await settle(fixture);
  });

  it('shows nothing before the first attempt', () => {
    expect(summary()).toBeNull();
  });

  it('lists each field error as a link after an empty submit, takes focus, and a link moves focus to its field', async () => {
    await submit();
    const box = summary()!;
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.querySelector('h2')!.textContent).toContain('Er ging iets mis');
    expect(box.textContent).toContain('Controleer de volgende velden');
    const links = Array.from(box.querySelectorAll('a'));
    expect(links.map((a) => a.textContent!.trim())).toEqual(['Naam: Vul dit veld in.']);
    expect(document.activeElement).toBe(box);

    links[0].click();
    expect(document.activeElement).toBe(element().querySelector('[data-testid="name"]'));
  });

  it('says the error in words beside the field, never only red', async () => {
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="name"]' }))).setValue('ab');
    await submit();
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Naam' }));
    expect(await field.getTextErrors()).toEqual(['Gebruik minstens 3 tekens.']);
  });

  it("puts the server's field errors on their fields, keeps what was typed, and clears an error once the field is edited", async () => {
    const name = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="name"]' }));
    const neighbourhood = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="neighbourhood"]' }));
    await name.setValue('Mevrouw Jansen');
    await neighbourhood.setValue('Soesterkwartier');
    fixture.componentInstance.answer = () => Promise.reject(badRequest({ name: ['Een naam hoort niet in de titel.'] }));
    await submit();

    expect(await name.getValue()).toBe('Mevrouw Jansen');
    expect(await neighbourhood.getValue()).toBe('Soesterkwartier');
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Naam' }));
    expect(await field.getTextErrors()).toEqual(['Een naam hoort niet in de titel.']);
    expect(summary()!.querySelector('a')!.textContent).toContain('Naam: Een naam hoort niet in de titel.');
    // Every field message found its field: the joined sentence is not repeated above them.
    expect(element().querySelector('[data-testid="error-summary-message"]')).toBeNull();

    await name.setValue('Bewoner');
    expect(fixture.componentInstance.form.controls.name.errors).toBeNull();
  });

  it("shows the server's sentence when the error belongs to no field", async () => {
    fixture.componentInstance.answer = () =>
      Promise.reject(new HttpErrorResponse({ status: 422, error: { statusCode: 422, message: 'De tekst noemt een cliënt.', error: 'x' } }));
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="name"]' }))).setValue('Bewoner');
    await submit();
    expect(element().querySelector('[data-testid="error-summary-message"]')!.textContent).toContain('De tekst noemt een cliënt.');
    expect(summary()!.querySelectorAll('a')).toHaveLength(0);
  });

  it('shows the messages of fields the form does not have in the summary', async () => {
    fixture.componentInstance.answer = () => Promise.reject(badRequest({ unknownField: ['Onbekend veld "unknownField".'] }));
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="name"]' }))).setValue('Bewoner');
    await submit();
    expect(element().querySelector('[data-testid="error-summary-message"]')!.textContent).toContain('Onbekend veld');
  });
});
