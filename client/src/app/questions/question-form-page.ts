import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, HostListener, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators, type FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, from, map, of, switchMap } from 'rxjs';
import { PROBLEM_AREAS, type ProblemArea } from '@casustafel/contract/enums';
import { AGE_BANDS, type AgeBand, type IdentifyingFinding } from '@casustafel/contract/question-rules';
import { NetworkHeader } from '../networks/network-header';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { MarkedText } from '../ui/marked-text';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { QuestionsApi } from './questions-api';

type Field = 'title' | 'situation' | 'question';

/**
 * Asking a consultative question. While the user types, the server scans each text for identifying
 * data and the findings are marked in place, so the user can rewrite before anything is sent.
 */
@Component({
  selector: 'app-question-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    NetworkHeader,
    MarkedText,
    ErrorSummary,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .why { display: flex; gap: 12px; padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); margin-bottom: 16px; }
    .why p { margin: 0; }
    .why mat-icon { flex: none; }
    .full { width: 100%; }
    .findings { margin: -4px 0 16px; }
    .findings p { margin: 4px 0; color: var(--mat-sys-error); font-weight: 500; }
    .areas { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 16px; margin-bottom: 16px; }
    .actions { display: flex; gap: 12px; }
  `,
  template: `
    <div class="page">
      <app-network-header [networkId]="id()" />
      <h2>{{ 'questionForm.heading' | transloco }}</h2>
      <div class="why" role="note">
        <mat-icon aria-hidden="true">privacy_tip</mat-icon>
        <p>{{ 'questionForm.why' | transloco }}</p>
      </div>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <app-error-summary [submit]="submission" />
        @for (field of fields; track field) {
          <mat-form-field class="full">
            <mat-label>{{ 'questionForm.' + field | transloco }}</mat-label>
            @if (field === 'title') {
              <input matInput [formControl]="control(field)" required [attr.data-testid]="'question-' + field" />
            } @else {
              <textarea matInput [formControl]="control(field)" rows="4" required [attr.data-testid]="'question-' + field"></textarea>
            }
            <mat-hint>{{ 'questionForm.' + field + 'Hint' | transloco }}</mat-hint>
            <mat-error>{{ control(field) | errorText }}</mat-error>
          </mat-form-field>
          @if (findings()[field].length > 0) {
            <div class="findings" [attr.data-testid]="'findings-' + field" aria-live="polite">
              <p>{{ 'questionForm.found' | transloco }} @for (kind of kindsOf(field); track kind) {{{ 'identifying.' + kind | transloco }}@if (!$last) {, }}.</p>
              <app-marked-text [text]="control(field).value" [findings]="findings()[field]" />
            </div>
          }
        }
        <div class="form-row">
          <mat-form-field>
            <mat-label>{{ 'questionForm.neighbourhood' | transloco }}</mat-label>
            <input matInput formControlName="neighbourhood" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'questionForm.ageBand' | transloco }}</mat-label>
            <mat-select formControlName="ageBand">
              <mat-option [value]="null">{{ 'questionForm.unknown' | transloco }}</mat-option>
              @for (band of ageBands; track band) { <mat-option [value]="band">{{ 'enum.ageBand.' + band | transloco }}</mat-option> }
            </mat-select>
          </mat-form-field>
        </div>
        <div role="group" aria-labelledby="q-areas">
          <p id="q-areas">{{ 'intake.problemAreas' | transloco }}</p>
          <div class="areas">
            @for (area of problemAreas; track area) {
              <mat-checkbox [checked]="form.controls.problemAreas.value.includes(area)" (change)="toggleArea(area, $event.checked)">{{ 'enum.problemArea.' + area | transloco }}</mat-checkbox>
            }
          </div>
        </div>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="submission.busy()" data-testid="question-submit">{{ 'questionForm.submit' | transloco }}</button>
          <a mat-button [routerLink]="['/netwerken', id(), 'vragen']">{{ 'action.cancel' | transloco }}</a>
        </div>
      </form>
    </div>
  `,
})
export class QuestionFormPage implements HoldsUnsavedInput {
  private readonly api = inject(QuestionsApi);
  private readonly router = inject(Router);
  /** Route parameter: the network. */
  readonly id = input.required<string>();

  protected readonly fields: Field[] = ['title', 'situation', 'question'];
  protected readonly ageBands = AGE_BANDS;
  protected readonly problemAreas = PROBLEM_AREAS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: ['', [Validators.required, Validators.minLength(5)]],
    situation: ['', [Validators.required, Validators.minLength(20)]],
    question: ['', [Validators.required, Validators.minLength(10)]],
    neighbourhood: [''],
    ageBand: [null as AgeBand | null],
    problemAreas: [[] as ProblemArea[]],
  });
  protected readonly submission = new FormSubmit();
  /** Findings the server returned on submit, until the field changes again. */
  private readonly refused = signal<Partial<Record<Field, IdentifyingFinding[]>>>({});

  private readonly live = {
    title: this.liveScan('title'),
    situation: this.liveScan('situation'),
    question: this.liveScan('question'),
  };
  protected readonly findings = computed(() => ({
    title: this.refused().title ?? this.live.title(),
    situation: this.refused().situation ?? this.live.situation(),
    question: this.refused().question ?? this.live.question(),
  }));

  protected control(field: Field): FormControl<string> {
    return this.form.controls[field];
  }

  protected kindsOf(field: Field): IdentifyingFinding['kind'][] {
    return [...new Set(this.findings()[field].map((f) => f.kind))];
  }

  protected toggleArea(area: ProblemArea, checked: boolean): void {
    const current = this.form.controls.problemAreas.value;
    this.form.controls.problemAreas.setValue(checked ? [...current, area] : current.filter((a) => a !== area));
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    let createdId = '';
    const ok = await this.submission.run(this.form, async (submission) => {
      try {
        const dto = {
          title: value.title,
          situation: value.situation,
          question: value.question,
          problemAreas: value.problemAreas,
          ...(value.neighbourhood.trim() ? { neighbourhood: value.neighbourhood.trim() } : {}),
          ...(value.ageBand ? { ageBand: value.ageBand } : {}),
        };
        createdId = (await this.api.create(this.id(), dto, submission.options)).id;
      } catch (error) {
        if (error instanceof HttpErrorResponse && error.status === 422) {
          const found = (error.error?.findings ?? []) as IdentifyingFinding[];
          this.refused.set({
            title: found.filter((f) => f.field === 'title'),
            situation: found.filter((f) => f.field === 'situation'),
            question: found.filter((f) => f.field === 'question'),
          });
        }
        throw error;
      }
    });
    if (!ok) return;
    this.form.markAsPristine();
    await this.router.navigate(['/vragen', createdId]);
  }

  /** What was typed and not yet sent: the route asks before leaving, the browser before a reload. */
  hasUnsavedInput(): boolean {
    return this.form.dirty && !this.submission.busy();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }

  private liveScan(field: Field) {
    return toSignal(
      this.form.controls[field].valueChanges.pipe(
        debounceTime(400),
        distinctUntilChanged(),
        switchMap((text) => {
          this.refused.update((r) => ({ ...r, [field]: undefined }));
          return text.trim().length < 4
            ? of([] as IdentifyingFinding[])
            : from(this.api.scan(this.id(), text)).pipe(
                map((r) => r.findings),
                catchError(() => of([] as IdentifyingFinding[])),
              );
        }),
      ),
      { initialValue: [] as IdentifyingFinding[] },
    );
  }
}
