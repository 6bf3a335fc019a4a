import { ChangeDetectionStrategy, Component, computed, effect, HostListener, inject, input, linkedSignal, resource } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { DisclosureMatrix } from '@casustafel/contract/covenant';
import {
  COVENANT_ROLES,
  DISCLOSURE_CONTEXTS,
  DISCLOSURE_LEVELS,
  type CovenantRole,
  type DisclosureContext,
  type DisclosureLevel,
} from '@casustafel/contract/enums';
import { CasesApi } from '../cases/cases-api';
import { AppDatePipe } from '../ui/app-date.pipe';
import { confirmAction } from '../ui/confirm-dialog';
import { todayInAmsterdam } from '../ui/amsterdam-time';
import { notInFuture } from '../ui/date-validators';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { Loading } from '../ui/loading';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { NetworkHeader } from './network-header';
import { NetworksApi } from './networks-api';

interface MatrixChange {
  role: CovenantRole;
  context: DisclosureContext;
  from: DisclosureLevel;
  to: DisclosureLevel;
  /** true: the role sees more than before. */
  more: boolean;
}

const openness = (level: DisclosureLevel) => DISCLOSURE_LEVELS.length - 1 - DISCLOSURE_LEVELS.indexOf(level);

/** The privacy covenant: the disclosure matrix (with a preview of what a change does), retention, the statement, signatures. */
@Component({
  selector: 'app-covenant-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    TranslocoPipe,
    AppDatePipe,
    Loading,
    NetworkHeader,
    ErrorSummary,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    /* The matrix fits a tablet (768 px): narrow selects, and a scroll region (reachable by keyboard) for what does not fit. */
    .matrix-scroll { overflow-x: auto; max-width: 100%; }
    .matrix-scroll:focus-visible { outline: 2px solid var(--mat-sys-primary); outline-offset: 2px; }
    table.matrix { border-collapse: collapse; width: 100%; }
    table.matrix caption { text-align: left; font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant); padding-bottom: 8px; }
    table.matrix th, table.matrix td { padding: 4px 6px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    table.matrix th[scope='row'] { min-width: 110px; }
    table.matrix mat-form-field { width: 100%; min-width: 128px; }
    .changes { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-surface-container); }
    .more { color: var(--mat-sys-error); }
    .less { color: var(--mat-sys-primary); }
    .full { width: 100%; margin-top: 16px; }
  `,
  template: `
    <div class="page">
      <app-network-header [networkId]="id()" />
      @if (covenant.isLoading() && !covenant.value()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else if (covenant.value(); as cov) {
        <h2>{{ 'covenant.title' | transloco: { version: cov.version } }}</h2>
        <p class="lead">{{ 'covenant.lead' | transloco }} {{ 'covenant.since' | transloco }} {{ cov.createdAt | appDate }}.</p>

        <mat-card appearance="outlined">
          <mat-card-content>
            <h3 class="card-title" id="matrix-heading">{{ 'covenant.matrix' | transloco }}</h3>
            <div class="matrix-scroll" role="region" tabindex="0" aria-labelledby="matrix-heading" data-testid="covenant-matrix-region">
              <table class="matrix" data-testid="covenant-matrix">
                <caption>{{ 'covenant.matrixCaption' | transloco }}</caption>
                <thead>
                  <tr>
                    <th scope="col">{{ 'field.role' | transloco }}</th>
                    @for (context of contexts; track context) { <th scope="col">{{ 'enum.context.' + context | transloco }}</th> }
                  </tr>
                </thead>
                <tbody>
                  @for (role of roles; track role) {
                    <tr>
                      <th scope="row">{{ 'enum.role.' + role | transloco }}</th>
                      @for (context of contexts; track context) {
                        <td>
                          @if (cov.canEdit) {
                            <mat-form-field subscriptSizing="dynamic">
                              <mat-select [aria-label]="('enum.role.' + role | transloco) + ', ' + ('enum.context.' + context | transloco)" [value]="levels()?.[role]?.[context]" (selectionChange)="setLevel(role, context, $event.value)" [attr.data-testid]="'level-' + role + '-' + context">
                                @for (level of levelOptions; track level) { <mat-option [value]="level">{{ 'enum.level.' + level | transloco }}</mat-option> }
                              </mat-select>
                            </mat-form-field>
                          } @else {
                            {{ 'enum.level.' + cov.levels[role][context] | transloco }}
                          }
                        </td>
                      }
                    </tr>
                  }
                </tbody>
              </table>
            </div>

            @if (cov.canEdit) {
              <form [formGroup]="settingsForm" (ngSubmit)="save()" novalidate>
              <app-error-summary [submit]="saveSubmit" />
              <div class="form-row">
                <mat-form-field>
                  <mat-label>{{ 'covenant.retention' | transloco }}</mat-label>
                  <input matInput type="number" min="1" max="240" formControlName="retentionMonths" required data-testid="covenant-retention" />
                  <mat-hint>{{ 'covenant.retentionHint' | transloco }}</mat-hint>
                  <mat-error>{{ settingsForm.controls.retentionMonths | errorText }}</mat-error>
                </mat-form-field>
                <mat-slide-toggle formControlName="anonymousQuestionSubmitter">{{ 'covenant.anonymous' | transloco }}</mat-slide-toggle>
                <mat-slide-toggle formControlName="knownElsewhereCheck" data-testid="covenant-known-elsewhere">{{ 'covenant.knownElsewhere' | transloco }}</mat-slide-toggle>
              </div>
              <mat-form-field class="full">
                <mat-label>{{ 'covenant.statement' | transloco }}</mat-label>
                <textarea matInput rows="5" formControlName="confidentialityStatement" required></textarea>
                <mat-error>{{ settingsForm.controls.confidentialityStatement | errorText }}</mat-error>
              </mat-form-field>

              <section class="changes" aria-live="polite" data-testid="covenant-preview">
                <h3 class="card-title">{{ 'covenant.preview' | transloco }}</h3>
                @if (changes().length === 0) {
                  <p>{{ 'covenant.noChanges' | transloco }}</p>
                } @else {
                  <ul>
                    @for (change of changes(); track change.role + change.context) {
                      <li [class]="change.more ? 'more' : 'less'">
                        {{ (change.more ? 'covenant.seesMore' : 'covenant.seesLess') | transloco: {
                          role: ('enum.role.' + change.role | transloco),
                          context: ('enum.context.' + change.context | transloco),
                          from: ('enum.level.' + change.from | transloco),
                          to: ('enum.level.' + change.to | transloco)
                        } }}
                      </li>
                    }
                  </ul>
                }
              </section>
              <p><button mat-flat-button type="submit" [disabled]="saveSubmit.busy()" data-testid="covenant-save">{{ 'covenant.save' | transloco }}</button></p>
              </form>
            } @else {
              <dl>
                <dt>{{ 'covenant.retention' | transloco }}</dt><dd>{{ cov.retentionMonths }}</dd>
                <dt>{{ 'covenant.anonymous' | transloco }}</dt><dd>{{ (cov.anonymousQuestionSubmitter ? 'covenant.yes' : 'covenant.no') | transloco }}</dd>
                <dt>{{ 'covenant.knownElsewhere' | transloco }}</dt><dd>{{ (cov.knownElsewhereCheck ? 'covenant.yes' : 'covenant.no') | transloco }}</dd>
              </dl>
              <h3 class="card-title">{{ 'covenant.statement' | transloco }}</h3>
              <p>{{ cov.confidentialityStatement }}</p>
            }
          </mat-card-content>
        </mat-card>

        <mat-card appearance="outlined">
          <mat-card-content>
            <h3 class="card-title">{{ 'covenant.signatures' | transloco }}</h3>
            @if (cov.signatures.length === 0) {
              <p>{{ 'covenant.noSignatures' | transloco }}</p>
            } @else {
              <div class="table-wrap">
              <table mat-table [dataSource]="cov.signatures">
                <caption class="visually-hidden">{{ 'covenant.signatures' | transloco }}</caption>
                <ng-container matColumnDef="organisation">
                  <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.organisation' | transloco }}</th>
                  <td mat-cell *matCellDef="let s">{{ s.organisation.name }}</td>
                </ng-container>
                <ng-container matColumnDef="signatory">
                  <th mat-header-cell *matHeaderCellDef scope="col">{{ 'covenant.signatory' | transloco }}</th>
                  <td mat-cell *matCellDef="let s">{{ s.signatory }}</td>
                </ng-container>
                <ng-container matColumnDef="signedOn">
                  <th mat-header-cell *matHeaderCellDef scope="col">{{ 'covenant.signedOn' | transloco }}</th>
                  <td mat-cell *matCellDef="let s">{{ s.signedOn | appDate }} ({{ 'covenant.versionShort' | transloco: { version: s.covenantVersion } }})</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="signatureColumns"></tr>
                <tr mat-row *matRowDef="let row; columns: signatureColumns"></tr>
              </table>
              </div>
            }
            @if (network.value()?.canManage) {
              <form class="form-row" [formGroup]="signForm" (ngSubmit)="sign(signDir)" #signDir="ngForm" novalidate>
                <app-error-summary [submit]="signSubmit" />
                <mat-form-field>
                  <mat-label>{{ 'field.organisation' | transloco }}</mat-label>
                  <mat-select formControlName="organisationId" required data-testid="sign-organisation">
                    @for (m of members.value() ?? []; track m.organisation.id) { <mat-option [value]="m.organisation.id">{{ m.organisation.name }}</mat-option> }
                  </mat-select>
                  <mat-error>{{ signForm.controls.organisationId | errorText: { required: 'network.chooseOrganisation' } }}</mat-error>
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'covenant.signatory' | transloco }}</mat-label>
                  <input matInput formControlName="signatory" required data-testid="sign-signatory" />
                  <mat-error>{{ signForm.controls.signatory | errorText }}</mat-error>
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'covenant.signedOn' | transloco }}</mat-label>
                  <input matInput type="date" formControlName="signedOn" required [max]="today" />
                  <mat-error>{{ signForm.controls.signedOn | errorText }}</mat-error>
                </mat-form-field>
                <button mat-stroked-button type="submit" [disabled]="signSubmit.busy()" data-testid="sign-submit">{{ 'covenant.addSignature' | transloco }}</button>
              </form>
            }
          </mat-card-content>
        </mat-card>
      }
    </div>
  `,
})
export class CovenantPage implements HoldsUnsavedInput {
  private readonly api = inject(CasesApi);
  private readonly networksApi = inject(NetworksApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(TranslocoService);
  /** Route parameter: the network. */
  readonly id = input.required<string>();

  protected readonly roles = COVENANT_ROLES;
  protected readonly contexts = DISCLOSURE_CONTEXTS;
  protected readonly levelOptions = DISCLOSURE_LEVELS;
  protected readonly signatureColumns = ['organisation', 'signatory', 'signedOn'];

  protected readonly covenant = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.api.covenant(params.id) });
  protected readonly network = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.networksApi.get(params.id) });
  protected readonly members = resource({
    params: () => (this.network.value()?.canManage ? { id: this.id() } : undefined),
    loader: ({ params }) => this.networksApi.members(params.id),
  });

  protected readonly levels = linkedSignal<DisclosureMatrix | undefined>(() => structuredClone(this.covenant.value()?.levels));
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly settingsForm = this.fb.group({
    retentionMonths: [24, [Validators.required, Validators.min(1), Validators.max(240)]],
    anonymousQuestionSubmitter: [false],
    knownElsewhereCheck: [false],
    confidentialityStatement: ['', [Validators.required, Validators.minLength(20)]],
  });
  protected readonly saveSubmit = new FormSubmit();

  /** What the edit does to each role's visibility, before it is saved. */
  protected readonly changes = computed<MatrixChange[]>(() => {
    const before = this.covenant.value()?.levels;
    const after = this.levels();
    if (!before || !after) return [];
    return COVENANT_ROLES.flatMap((role) =>
      DISCLOSURE_CONTEXTS.filter((context) => before[role][context] !== after[role][context]).map((context) => ({
        role,
        context,
        from: before[role][context],
        to: after[role][context],
        more: openness(after[role][context]) > openness(before[role][context]),
      })),
    );
  });

  protected readonly today = todayInAmsterdam();
  protected readonly signForm = this.fb.group({
    organisationId: ['', Validators.required],
    signatory: ['', [Validators.required, Validators.minLength(2)]],
    signedOn: [todayInAmsterdam(), [Validators.required, notInFuture]],
  });
  protected readonly signSubmit = new FormSubmit();

  constructor() {
    // The settings as saved, whenever the covenant (re)loads; what is typed is kept while a save fails.
    effect(() => {
      const cov = this.covenant.value();
      if (!cov) return;
      this.settingsForm.reset({
        retentionMonths: cov.retentionMonths,
        anonymousQuestionSubmitter: cov.anonymousQuestionSubmitter,
        knownElsewhereCheck: cov.knownElsewhereCheck,
        confidentialityStatement: cov.confidentialityStatement,
      });
    });
  }

  /** A changed matrix, settings or a signature being entered. */
  hasUnsavedInput(): boolean {
    return (
      (this.changes().length > 0 || this.settingsForm.dirty || this.signForm.dirty) && !this.saveSubmit.busy() && !this.signSubmit.busy()
    );
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }

  protected setLevel(role: CovenantRole, context: DisclosureContext, level: DisclosureLevel): void {
    this.levels.update((matrix) => (matrix ? { ...matrix, [role]: { ...matrix[role], [context]: level } } : matrix));
  }

  protected async save(): Promise<void> {
    const levels = this.levels();
    if (!levels) return;
    if (this.settingsForm.valid) {
      const more = this.changes().filter((c) => c.more).length;
      const confirmed = await confirmAction(this.dialog, {
        title: this.i18n.translate('covenant.confirmTitle'),
        message: this.i18n.translate('covenant.confirmText', { changes: this.changes().length, more }),
        confirm: this.i18n.translate('covenant.save'),
        cancel: this.i18n.translate('action.cancel'),
      });
      if (!confirmed) return;
    }
    let version = 0;
    const ok = await this.saveSubmit.run(this.settingsForm, async (submission) => {
      const value = this.settingsForm.getRawValue();
      const dto = { ...value, levels, retentionMonths: Number(value.retentionMonths) };
      version = (await this.api.updateCovenant(this.id(), dto, submission.options)).version;
    });
    if (!ok) return;
    this.snackBar.open(this.i18n.translate('covenant.saved', { version }), undefined, { duration: 4000 });
    this.covenant.reload();
  }

  protected async sign(dir: FormGroupDirective): Promise<void> {
    const ok = await this.signSubmit.run(this.signForm, (submission) =>
      this.api.addSignature(this.id(), this.signForm.getRawValue(), submission.options),
    );
    if (!ok) return;
    dir.resetForm({ organisationId: '', signatory: '', signedOn: todayInAmsterdam() });
    this.covenant.reload();
  }
}
