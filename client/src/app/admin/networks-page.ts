import { ChangeDetectionStrategy, Component, HostListener, inject, resource, viewChild } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NETWORK_KINDS, type NetworkKind } from '@casustafel/contract/enums';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { ResourceState } from '../ui/resource-state';
import { AdminApi } from './admin-api';

@Component({
  selector: 'app-admin-networks-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatTableModule,
    TranslocoPipe,
    ResourceState,
    ErrorSummary,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>{{ 'admin.networks.title' | transloco }}</h1>
      <p class="lead">{{ 'admin.networks.lead' | transloco }}</p>

      <mat-card appearance="outlined">
        <mat-card-content>
          <h2 class="card-title">{{ 'admin.networks.new' | transloco }}</h2>
          <form [formGroup]="form" (ngSubmit)="create()" novalidate class="form-row">
            <app-error-summary [submit]="submit" />
            <mat-form-field>
              <mat-label>{{ 'field.name' | transloco }}</mat-label>
              <input matInput formControlName="name" required maxlength="120" />
              <mat-error>{{ form.controls.name | errorText: { required: 'admin.networks.nameRequired', minlength: 'admin.networks.nameRequired' } }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.networkKind' | transloco }}</mat-label>
              <mat-select formControlName="kind" required>
                @for (kind of kinds; track kind) {
                  <mat-option [value]="kind">{{ 'enum.networkKind.' + kind | transloco }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.area' | transloco }}</mat-label>
              <input matInput formControlName="area" required maxlength="120" />
              <mat-error>{{ form.controls.area | errorText: { required: 'admin.networks.areaRequired', minlength: 'admin.networks.areaRequired' } }}</mat-error>
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="submit.busy()">{{ 'action.add' | transloco }}</button>
          </form>
        </mat-card-content>
      </mat-card>

      <h2>{{ 'admin.networks.all' | transloco }}</h2>
      <app-resource-state [resource]="networks" [empty]="networks.value()?.length === 0" emptyIcon="lan"
        [emptyTitle]="'admin.networks.emptyTitle' | transloco" [emptyText]="'admin.networks.emptyText' | transloco">
        <div class="table-wrap">
          <table mat-table [dataSource]="networks.value() ?? []" data-testid="networks-table">
            <caption class="visually-hidden">{{ 'admin.networks.all' | transloco }}</caption>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.name' | transloco }}</th>
              <td mat-cell *matCellDef="let n"><a [routerLink]="['/netwerken', n.id]">{{ n.name }}</a></td>
            </ng-container>
            <ng-container matColumnDef="kind">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.networkKind' | transloco }}</th>
              <td mat-cell *matCellDef="let n">{{ 'enum.networkKind.' + n.kind | transloco }}</td>
            </ng-container>
            <ng-container matColumnDef="area">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.area' | transloco }}</th>
              <td mat-cell *matCellDef="let n">{{ n.area }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
        </div>
      </app-resource-state>
    </div>
  `,
})
export class AdminNetworksPage implements HoldsUnsavedInput {
  private readonly api = inject(AdminApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(TranslocoService);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly kinds = NETWORK_KINDS;
  protected readonly columns = ['name', 'kind', 'area'];
  protected readonly networks = resource({ loader: () => this.api.networks() });
  protected readonly submit = new FormSubmit();
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.minLength(3)]],
    kind: ['NEIGHBOURHOOD' as NetworkKind, Validators.required],
    area: ['', [Validators.required, Validators.minLength(2)]],
  });

  protected async create(): Promise<void> {
    const value = this.form.getRawValue();
    if (!(await this.submit.run(this.form, (submission) => this.api.createNetwork(value, submission.options)))) return;
    this.snackBar.open(this.i18n.translate('admin.networks.created', { name: value.name }), undefined, { duration: 4000 });
    this.formDirective().resetForm({ name: '', kind: 'NEIGHBOURHOOD', area: '' });
    this.networks.reload();
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
