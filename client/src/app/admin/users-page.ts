import { ChangeDetectionStrategy, Component, HostListener, inject, resource, viewChild } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { UserView } from '@casustafel/contract/users';
import { confirmAction } from '../ui/confirm-dialog';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { ResourceState } from '../ui/resource-state';
import { AdminApi } from './admin-api';

@Component({
  selector: 'app-users-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatSlideToggleModule,
    MatButtonModule,
    MatTableModule,
    TranslocoPipe,
    ResourceState,
    ErrorSummary,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .hint { margin: 8px 0 0; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .account { white-space: nowrap; }
    .account-actions { display: flex; flex-wrap: wrap; gap: 4px; margin-left: -12px; }
    .account-actions button { text-align: start; }
  `,
  template: `
    <div class="page">
      <h1>{{ 'admin.users.title' | transloco }}</h1>
      <p class="lead">{{ 'admin.users.lead' | transloco }}</p>

      <mat-card appearance="outlined">
        <mat-card-content>
          <h2 class="card-title">{{ 'admin.users.new' | transloco }}</h2>
          <form [formGroup]="form" (ngSubmit)="create()" novalidate class="form-row">
            <app-error-summary [submit]="submit" />
            <mat-form-field>
              <mat-label>{{ 'field.name' | transloco }}</mat-label>
              <input matInput formControlName="name" required autocomplete="off" data-testid="user-name" />
              <mat-error>{{ form.controls.name | errorText: { required: 'admin.users.nameRequired', minlength: 'admin.users.nameRequired' } }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.email' | transloco }}</mat-label>
              <input matInput type="email" formControlName="email" required autocomplete="off" data-testid="user-email" />
              <mat-error>{{ form.controls.email | errorText: { required: 'admin.users.emailInvalid', minlength: 'admin.users.emailInvalid', email: 'admin.users.emailInvalid' } }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.organisation' | transloco }}</mat-label>
              <mat-select formControlName="organisationId" required data-testid="user-organisation">
                @for (organisation of organisations.value() ?? []; track organisation.id) {
                  <mat-option [value]="organisation.id">{{ organisation.name }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ form.controls.organisationId | errorText: { required: 'admin.users.organisationRequired', minlength: 'admin.users.organisationRequired' } }}</mat-error>
            </mat-form-field>
            <mat-checkbox formControlName="isAdmin">{{ 'field.isAdmin' | transloco }}</mat-checkbox>
            <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="user-submit">{{ 'action.add' | transloco }}</button>
          </form>
          <p class="hint">{{ 'admin.users.activationNote' | transloco }}</p>
        </mat-card-content>
      </mat-card>

      <h2>{{ 'admin.users.all' | transloco }}</h2>
      <app-resource-state [resource]="users" [empty]="users.value()?.length === 0" emptyIcon="group"
        [emptyTitle]="'admin.users.emptyTitle' | transloco" [emptyText]="'admin.users.emptyText' | transloco">
        <div class="table-wrap">
          <table mat-table [dataSource]="users.value() ?? []" data-testid="users-table">
            <caption class="visually-hidden">{{ 'admin.users.all' | transloco }}</caption>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.name' | transloco }}</th>
              <td mat-cell *matCellDef="let u">{{ u.name }}@if (u.isAdmin) { · {{ 'field.isAdmin' | transloco }} }</td>
            </ng-container>
            <ng-container matColumnDef="email">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.email' | transloco }}</th>
              <td mat-cell *matCellDef="let u">{{ u.email }}</td>
            </ng-container>
            <ng-container matColumnDef="organisation">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.organisation' | transloco }}</th>
              <td mat-cell *matCellDef="let u">{{ u.organisation.name }}</td>
            </ng-container>
            <ng-container matColumnDef="active">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.active' | transloco }}</th>
              <td mat-cell *matCellDef="let u">
                <mat-slide-toggle [checked]="u.active" (change)="setActive(u, $event)"
                  [aria-label]="('admin.users.activeToggle' | transloco: { name: u.name })" />
              </td>
            </ng-container>
            <ng-container matColumnDef="account">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.users.account' | transloco }}</th>
              <td mat-cell *matCellDef="let u" [attr.data-testid]="'account-' + u.email">
                <div class="account">
                  {{ (u.activated ? 'admin.users.activated' : 'admin.users.notActivated') | transloco }}@if (u.mfaEnabled) { · {{ 'admin.users.mfaOn' | transloco }} }
                </div>
                <div class="account-actions">
                  @if (!u.activated) {
                    <button mat-button type="button" (click)="resendActivation(u)" data-testid="resend-activation"
                      [attr.aria-label]="'admin.users.resendActivationFor' | transloco: { name: u.name }">
                      {{ 'admin.users.resendActivation' | transloco }}
                    </button>
                  }
                  @if (u.mfaEnabled) {
                    <button mat-button type="button" (click)="resetMfa(u)" data-testid="reset-mfa"
                      [attr.aria-label]="'admin.users.resetMfaFor' | transloco: { name: u.name }">
                      {{ 'admin.users.resetMfa' | transloco }}
                    </button>
                  }
                </div>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
        </div>
      </app-resource-state>
    </div>
  `,
})
export class UsersPage implements HoldsUnsavedInput {
  private readonly api = inject(AdminApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(TranslocoService);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly columns = ['name', 'email', 'organisation', 'account', 'active'];
  protected readonly users = resource({ loader: () => this.api.users() });
  protected readonly organisations = resource({ loader: () => this.api.organisations() });
  protected readonly submit = new FormSubmit();
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.minLength(2)]],
    email: ['', [Validators.required, Validators.email]],
    organisationId: ['', Validators.required],
    isAdmin: [false],
  });

  protected async create(): Promise<void> {
    const value = this.form.getRawValue();
    if (!(await this.submit.run(this.form, (submission) => this.api.createUser(value, submission.options)))) return;
    this.snackBar.open(
      `${this.i18n.translate('admin.users.created', { name: value.name })} ${this.i18n.translate('admin.users.activationSent')}`,
      undefined,
      { duration: 6000, politeness: 'polite' },
    );
    this.formDirective().resetForm({ name: '', email: '', organisationId: '', isAdmin: false });
    this.users.reload();
  }

  protected async setActive(user: UserView, change: MatSlideToggleChange): Promise<void> {
    if (!change.checked) {
      const confirmed = await confirmAction(this.dialog, {
        title: this.i18n.translate('admin.users.deactivateTitle'),
        message: this.i18n.translate('admin.users.deactivateText', { name: user.name }),
        confirm: this.i18n.translate('admin.users.deactivate'),
        cancel: this.i18n.translate('action.cancel'),
      });
      if (!confirmed) {
        change.source.checked = true;
        return;
      }
    }
    try {
      await this.api.updateUser(user.id, { active: change.checked });
    } finally {
      this.users.reload();
    }
  }

  protected async resendActivation(user: UserView): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.translate('admin.users.resendTitle'),
      message: this.i18n.translate('admin.users.resendText', { name: user.name }),
      confirm: this.i18n.translate('admin.users.resendActivation'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!confirmed) return;
    await this.api.resendActivation(user.id);
    this.snackBar.open(this.i18n.translate('admin.users.resent'), undefined, { duration: 4000 });
  }

  protected async resetMfa(user: UserView): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.translate('admin.users.resetMfaTitle'),
      message: this.i18n.translate('admin.users.resetMfaText', { name: user.name }),
      confirm: this.i18n.translate('admin.users.resetMfa'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!confirmed) return;
    try {
      await this.api.resetMfa(user.id);
      this.snackBar.open(this.i18n.translate('admin.users.mfaReset', { name: user.name }), undefined, { duration: 4000 });
    } finally {
      this.users.reload();
    }
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
