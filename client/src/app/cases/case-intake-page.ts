import { ChangeDetectionStrategy, Component, computed, HostListener, inject, input, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CreateCaseDto } from '@casustafel/contract/cases';
import { CONSENTS, PROBLEM_AREAS, URGENCIES, type Consent, type ProblemArea, type Urgency } from '@casustafel/contract/enums';
import { NetworkHeader } from '../networks/network-header';
import { NetworksApi } from '../networks/networks-api';
import { notInFuture } from '../ui/date-validators';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { CasesApi } from './cases-api';

/** Bringing in a case (casus inbrengen): the client's identity, the problem areas, urgency, consent and a summary. */
@Component({
  selector: 'app-case-intake-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
    NetworkHeader,
    ErrorSummary,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    fieldset { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px 16px; margin: 0 0 16px; }
    legend { font: var(--mat-sys-title-small); padding: 0 6px; }
    .areas { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 16px; }
    mat-radio-group { display: flex; flex-direction: column; gap: 4px; }
    .full { width: 100%; }
    .privacy-note { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); margin-bottom: 16px; }
    .actions { display: flex; gap: 12px; align-items: center; }
  `,
  template: `
    <div class="page">
      <app-network-header [networkId]="id()" />
      <h2>{{ 'intake.title' | transloco }}</h2>
      <p class="privacy-note">{{ 'intake.privacyNote' | transloco }}</p>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <app-error-summary [submit]="submission" />
        <fieldset formGroupName="client">
          <legend>{{ 'intake.client' | transloco }}</legend>
          <div class="form-row">
            <mat-form-field>
              <mat-label>{{ 'field.givenName' | transloco }}</mat-label>
              <input matInput formControlName="givenName" required autocomplete="off" data-testid="client-givenName" />
              <mat-error>{{ form.controls.client.controls.givenName | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.surname' | transloco }}</mat-label>
              <input matInput formControlName="surname" required autocomplete="off" data-testid="client-surname" />
              <mat-error>{{ form.controls.client.controls.surname | errorText }}</mat-error>
              <mat-hint>{{ 'intake.surnameHint' | transloco }}</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.dateOfBirth' | transloco }}</mat-label>
              <input matInput type="date" formControlName="dateOfBirth" required data-testid="client-dateOfBirth" />
              <mat-error>{{ form.controls.client.controls.dateOfBirth | errorText }}</mat-error>
            </mat-form-field>
          </div>
          <div class="form-row">
            <mat-form-field>
              <mat-label>{{ 'field.street' | transloco }}</mat-label>
              <input matInput formControlName="street" required autocomplete="off" data-testid="client-street" />
              <mat-error>{{ form.controls.client.controls.street | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.houseNumber' | transloco }}</mat-label>
              <input matInput formControlName="houseNumber" required autocomplete="off" data-testid="client-houseNumber" />
              <mat-error>{{ form.controls.client.controls.houseNumber | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.postcode' | transloco }}</mat-label>
              <input matInput formControlName="postcode" required autocomplete="off" data-testid="client-postcode" />
              <mat-error>{{ form.controls.client.controls.postcode | errorText: { pattern: 'intake.postcodeInvalid' } }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.city' | transloco }}</mat-label>
              <input matInput formControlName="city" required autocomplete="off" data-testid="client-city" />
              <mat-error>{{ form.controls.client.controls.city | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.phoneOptional' | transloco }}</mat-label>
              <input matInput type="tel" formControlName="phone" autocomplete="off" />
              <mat-error>{{ form.controls.client.controls.phone | errorText }}</mat-error>
            </mat-form-field>
          </div>
        </fieldset>

        <fieldset>
          <legend>{{ 'intake.situation' | transloco }}</legend>
          <div class="form-row">
            <mat-form-field>
              <mat-label>{{ 'field.neighbourhood' | transloco }}</mat-label>
              <input matInput formControlName="neighbourhood" required data-testid="case-neighbourhood" />
              <mat-error>{{ form.controls.neighbourhood | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.urgency' | transloco }}</mat-label>
              <mat-select formControlName="urgency" required data-testid="case-urgency">
                @for (u of urgencies; track u) { <mat-option [value]="u">{{ 'enum.urgency.' + u | transloco }}</mat-option> }
              </mat-select>
              <mat-error>{{ form.controls.urgency | errorText }}</mat-error>
            </mat-form-field>
          </div>
          <div role="group" aria-labelledby="areas-label" [attr.aria-describedby]="form.controls.problemAreas.touched && form.controls.problemAreas.invalid ? 'areas-error' : null">
            <p id="areas-label">{{ 'intake.problemAreas' | transloco }}</p>
            <div class="areas">
              @for (area of problemAreas; track area) {
                <mat-checkbox [id]="$first ? 'area-first' : 'area-' + area" [checked]="selectedAreas().includes(area)" (change)="toggleArea(area, $event.checked)" [attr.data-testid]="'area-' + area">
                  {{ 'enum.problemArea.' + area | transloco }}
                </mat-checkbox>
              }
            </div>
            @if (form.controls.problemAreas.touched && form.controls.problemAreas.invalid) {
              <p class="error-text" id="areas-error" data-error-for="area-first" [attr.data-error-label]="'intake.problemAreas' | transloco">{{ 'intake.problemAreasRequired' | transloco }}</p>
            }
          </div>
          <mat-form-field class="full">
            <mat-label>{{ 'field.summary' | transloco }}</mat-label>
            <textarea matInput formControlName="summary" rows="5" required data-testid="case-summary"></textarea>
            <mat-error>{{ form.controls.summary | errorText }}</mat-error>
            <mat-hint>{{ 'intake.summaryHint' | transloco }}</mat-hint>
          </mat-form-field>
        </fieldset>

        <fieldset>
          <legend id="consent-label">{{ 'field.consent' | transloco }}</legend>
          <!-- No default: whoever brings in the case says whether the client consented. -->
          <mat-radio-group formControlName="consent" id="consent" aria-labelledby="consent-label" required
            [attr.aria-describedby]="form.controls.consent.touched && form.controls.consent.invalid ? 'consent-error' : null">
            @for (c of consents(); track c) {
              <mat-radio-button [value]="c" [attr.data-testid]="'consent-' + c">{{ 'enum.consent.' + c | transloco }}</mat-radio-button>
            }
          </mat-radio-group>
          @if (form.controls.consent.touched && form.controls.consent.invalid) {
            <p class="error-text" id="consent-error" data-testid="consent-required" data-error-for="consent" [attr.data-error-label]="'field.consent' | transloco">
              {{ 'intake.consentRequired' | transloco }}
            </p>
          }
          @if (consent() === 'NOT_ASKED' || consent() === 'REFUSED') {
            <p>{{ 'intake.noConsentNote' | transloco }}</p>
          }
          @if (consent() === 'OVERRIDE_OGGZ') {
            <mat-form-field class="full">
              <mat-label>{{ 'field.overrideReason' | transloco }}</mat-label>
              <textarea matInput formControlName="consentOverrideReason" rows="3" required></textarea>
              <mat-error>{{ form.controls.consentOverrideReason | errorText }}</mat-error>
              <mat-hint>{{ 'intake.overrideHint' | transloco }}</mat-hint>
            </mat-form-field>
          }
        </fieldset>

        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="submission.busy()" data-testid="intake-submit">{{ 'intake.submit' | transloco }}</button>
          <a mat-button [routerLink]="['/netwerken', id(), 'casussen']">{{ 'action.cancel' | transloco }}</a>
        </div>
      </form>
    </div>
  `,
})
export class CaseIntakePage implements HoldsUnsavedInput {
  private readonly api = inject(CasesApi);
  private readonly networksApi = inject(NetworksApi);
  private readonly router = inject(Router);
  /** Route parameter: the network. */
  readonly id = input.required<string>();

  protected readonly urgencies = URGENCIES;
  protected readonly problemAreas = PROBLEM_AREAS;
  private readonly network = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.networksApi.get(params.id) });
  /** The bemoeizorg exception exists only in OGGZ networks. */
  protected readonly consents = computed(() => CONSENTS.filter((c) => c !== 'OVERRIDE_OGGZ' || this.network.value()?.kind === 'OGGZ'));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    client: inject(FormBuilder).nonNullable.group({
      givenName: ['', Validators.required],
      surname: ['', Validators.required],
      dateOfBirth: ['', [Validators.required, notInFuture]],
      street: ['', Validators.required],
      houseNumber: ['', Validators.required],
      postcode: ['', [Validators.required, Validators.pattern(/^[1-9]\d{3}\s?[A-Za-z]{2}$/)]],
      city: ['', Validators.required],
      phone: [''],
    }),
    neighbourhood: ['', Validators.required],
    urgency: ['MEDIUM' as Urgency, Validators.required],
    problemAreas: [[] as ProblemArea[], Validators.required],
    consent: [null as Consent | null, Validators.required],
    consentOverrideReason: [''],
    summary: ['', [Validators.required, Validators.minLength(10)]],
  });
  protected readonly selectedAreas = toSignal(this.form.controls.problemAreas.valueChanges, { initialValue: [] as ProblemArea[] });
  protected readonly consent = toSignal(this.form.controls.consent.valueChanges, { initialValue: null as Consent | null });
  protected readonly submission = new FormSubmit();

  protected toggleArea(area: ProblemArea, checked: boolean): void {
    const current = this.form.controls.problemAreas.value;
    this.form.controls.problemAreas.setValue(checked ? [...current, area] : current.filter((a) => a !== area));
    this.form.controls.problemAreas.markAsTouched();
  }

  protected async submit(): Promise<void> {
    let createdId = '';
    const ok = await this.submission.run(this.form, async (submission) => {
      createdId = (await this.api.create(this.id(), this.dto(), submission.options)).id;
    });
    if (!ok) return;
    this.form.markAsPristine();
    await this.router.navigate(['/casussen', createdId]);
  }

  /** What was typed and not yet sent: the route asks before leaving, the browser before a reload. */
  hasUnsavedInput(): boolean {
    return this.form.dirty && !this.submission.busy();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }

  /** Built only once the form is valid, so consent has been chosen. */
  private dto(): CreateCaseDto {
    const value = this.form.getRawValue();
    const consent = value.consent as Consent;
    return {
      client: { ...value.client, phone: value.client.phone.trim() || undefined },
      neighbourhood: value.neighbourhood,
      problemAreas: value.problemAreas,
      urgency: value.urgency,
      consent,
      summary: value.summary,
      ...(consent === 'OVERRIDE_OGGZ' ? { consentOverrideReason: value.consentOverrideReason } : {}),
    };
  }
}
