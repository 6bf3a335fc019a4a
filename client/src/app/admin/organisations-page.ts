import { ChangeDetectionStrategy, Component, HostListener, inject, resource, viewChild } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ORGANISATION_KINDS, type OrganisationKind } from '@casustafel/contract/enums';
import { AppDatePipe } from '../ui/app-date.pipe';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { ResourceState } from '../ui/resource-state';
import { AdminApi } from './admin-api';

@Component({
  selector: 'app-organisations-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatTableModule,
    TranslocoPipe,
    AppDatePipe,
    ResourceState,
    ErrorSummary,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>{{ 'admin.organisations.title' | transloco }}</h1>
      <p class="lead">{{ 'admin.organisations.lead' | transloco }}</p>

      <mat-card appearance="outlined">
        <mat-card-content>
          <h2 class="card-title">{{ 'admin.organisations.new' | transloco }}</h2>
          <form [formGroup]="form" (ngSubmit)="create()" novalidate class="form-row" aria-labelledby="new-org">
            <app-error-summary [submit]="submit" />
            <mat-form-field>
              <mat-label>{{ 'field.name' | transloco }}</mat-label>
              <input matInput formControlName="name" required maxlength="120" data-testid="org-name" />
              <mat-error>{{ form.controls.name | errorText: { required: 'admin.organisations.nameRequired', minlength: 'admin.organisations.nameRequired' } }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.organisationKind' | transloco }}</mat-label>
              <mat-select formControlName="kind" required data-testid="org-kind">
                @for (kind of kinds; track kind) {
                  <mat-option [value]="kind">{{ 'enum.organisationKind.' + kind | transloco }}</mat-option>
                }
              </mat-select>
              <mat-hint>{{ 'admin.organisations.kindHint' | transloco }}</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.sector' | transloco }}</mat-label>
              <input matInput formControlName="sector" maxlength="80" />
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="org-submit">{{ 'action.add' | transloco }}</button>
          </form>
        </mat-card-content>
      </mat-card>

      <h2>{{ 'admin.organisations.all' | transloco }}</h2>
      <app-resource-state [resource]="organisations" [empty]="organisations.value()?.length === 0" emptyIcon="apartment"
        [emptyTitle]="'admin.organisations.emptyTitle' | transloco" [emptyText]="'admin.organisations.emptyText' | transloco">
        <div class="table-wrap">
          <table mat-table [dataSource]="organisations.value() ?? []" data-testid="organisations-table">
            <caption class="visually-hidden">{{ 'admin.organisations.all' | transloco }}</caption>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.name' | transloco }}</th>
              <td mat-cell *matCellDef="let o">{{ o.name }}</td>
            </ng-container>
            <ng-container matColumnDef="kind">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.organisationKind' | transloco }}</th>
              <td mat-cell *matCellDef="let o">{{ 'enum.organisationKind.' + o.kind | transloco }}</td>
            </ng-container>
            <ng-container matColumnDef="sector">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.sector' | transloco }}</th>
              <td mat-cell *matCellDef="let o">{{ o.sector }}</td>
            </ng-container>
            <ng-container matColumnDef="createdAt">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.createdAt' | transloco }}</th>
              <td mat-cell *matCellDef="let o">{{ o.createdAt | appDate }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
        </div>
      </app-resource-state>
    </div>
  `,
})
export class OrganisationsPage implements HoldsUnsavedInput {
  private readonly api = inject(AdminApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(TranslocoService);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly kinds = ORGANISATION_KINDS;
  protected readonly columns = ['name', 'kind', 'sector', 'createdAt'];
  protected readonly organisations = resource({ loader: () => this.api.organisations() });
  protected readonly submit = new FormSubmit();
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.minLength(2)]],
    kind: ['FORMAL' as OrganisationKind, Validators.required],
    sector: [''],
  });

  protected async create(): Promise<void> {
    const value = this.form.getRawValue();
    const created = await this.submit.run(this.form, (submission) =>
      this.api.createOrganisation(
        { name: value.name, kind: value.kind, ...(value.sector ? { sector: value.sector } : {}) },
        submission.options,
      ),
    );
    if (!created) return;
    this.snackBar.open(this.i18n.translate('admin.organisations.created', { name: value.name }), undefined, { duration: 4000 });
    this.formDirective().resetForm({ name: '', kind: 'FORMAL', sector: '' });
    this.organisations.reload();
  }

  /** What was typed in the form and not yet sent. */
  hasUnsavedInput(): boolean {
    return this.form.dirty && !this.submit.busy();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }
}
