import { ChangeDetectionStrategy, Component, HostListener, inject, resource, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { SessionView } from '@casustafel/contract/account';
import { PASSWORD_MIN_LENGTH } from '@casustafel/contract/limits';
import { Session } from '../core/session';
import { AppDatePipe } from '../ui/app-date.pipe';
import { confirmAction } from '../ui/confirm-dialog';
import { ErrorSummary } from '../ui/error-summary';
import { FormSubmit } from '../ui/form-submit';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { ResourceState } from '../ui/resource-state';
import { AccountApi, MFA_CODE } from './account-api';
import { PasswordStrength } from './password-strength';

/** The user's own account (`/account`): their password, their second factor and their sessions. */
@Component({
  selector: 'app-profile-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    TranslocoPipe,
    AppDatePipe,
    PasswordStrength,
    ResourceState,
    ErrorSummary,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    mat-card { margin-bottom: 24px; }
    .card-title { font: var(--mat-sys-title-large); margin: 0 0 4px; }
    .card-lead { margin: 0 0 16px; color: var(--mat-sys-on-surface-variant); }
    form { display: flex; flex-direction: column; gap: 8px; max-width: 480px; }
    form button { align-self: flex-start; }
    .status { display: flex; align-items: center; gap: 8px; margin: 0 0 16px; }
    .status mat-icon { color: var(--mat-sys-primary); }
    .status.off mat-icon { color: var(--mat-sys-on-surface-variant); }
    .this-device { display: inline-block; margin-left: 8px; padding: 2px 8px; border-radius: 12px; font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
  `,
  template: `
    <div class="page">
      <h1>{{ 'profile.title' | transloco }}</h1>
      <p class="lead">{{ me()?.name }} · {{ me()?.email }} · {{ me()?.organisation?.name }}</p>

      <mat-card appearance="outlined">
        <mat-card-content>
          <h2 class="card-title">{{ 'profile.password.title' | transloco }}</h2>
          <p class="card-lead">{{ 'profile.password.lead' | transloco: { min: minLength } }}</p>
          <form #passwordFormDirective="ngForm" [formGroup]="passwordForm" (ngSubmit)="changePassword()" novalidate>
            <app-error-summary [submit]="passwordSubmit" />
            <!-- For password managers: whose password this is. -->
            <input type="email" hidden autocomplete="username" [value]="me()?.email ?? ''" readonly />
            <mat-form-field>
              <mat-label>{{ 'profile.password.current' | transloco }}</mat-label>
              <input matInput type="password" formControlName="currentPassword" autocomplete="current-password" required data-testid="current-password" />
              <mat-error>{{ passwordForm.controls.currentPassword.errors?.['server'] ?? ('login.passwordRequired' | transloco) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'profile.password.new' | transloco }}</mat-label>
              <input matInput type="password" formControlName="newPassword" autocomplete="new-password" required data-testid="new-password" />
              <mat-error>{{ passwordForm.controls.newPassword.errors?.['server'] ?? ('password.strength.minLength' | transloco: { min: minLength }) }}</mat-error>
            </mat-form-field>
            <app-password-strength [password]="newPassword()" [person]="me() ?? {}" />
            <button mat-flat-button type="submit" [disabled]="passwordSubmit.busy()" data-testid="password-submit">
              {{ 'profile.password.submit' | transloco }}
            </button>
          </form>
        </mat-card-content>
      </mat-card>

      <mat-card appearance="outlined">
        <mat-card-content>
          <h2 class="card-title">{{ 'profile.mfa.title' | transloco }}</h2>
          <p class="card-lead">{{ 'profile.mfa.lead' | transloco }}</p>
          @if (session.mfa().enabled) {
            <p class="status" data-testid="mfa-status"><mat-icon>verified_user</mat-icon>{{ 'profile.mfa.on' | transloco }}</p>
            <form [formGroup]="disableForm" (ngSubmit)="disableMfa()" novalidate>
              <app-error-summary [submit]="disableSubmit" />
              <p>{{ 'profile.mfa.disableLead' | transloco }}</p>
              <mat-form-field>
                <mat-label>{{ 'login.password' | transloco }}</mat-label>
                <input matInput type="password" formControlName="password" autocomplete="current-password" required />
                <mat-error>{{ disableForm.controls.password.errors?.['server'] ?? ('login.passwordRequired' | transloco) }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'profile.mfa.code' | transloco }}</mat-label>
                <input matInput formControlName="code" autocomplete="one-time-code" required spellcheck="false" />
                <mat-error>{{ disableForm.controls.code.errors?.['server'] ?? ('profile.mfa.codeInvalid' | transloco) }}</mat-error>
              </mat-form-field>
              <button mat-stroked-button type="submit" [disabled]="disableSubmit.busy()" data-testid="mfa-disable">{{ 'profile.mfa.disable' | transloco }}</button>
            </form>
          } @else {
            <p class="status off" data-testid="mfa-status"><mat-icon>gpp_maybe</mat-icon>{{ 'profile.mfa.off' | transloco }}</p>
            <a mat-flat-button routerLink="/account/tweede-stap" data-testid="mfa-enable">{{ 'profile.mfa.enable' | transloco }}</a>
          }
        </mat-card-content>
      </mat-card>

      <mat-card appearance="outlined">
        <mat-card-content>
          <h2 class="card-title">{{ 'profile.notifications.title' | transloco }}</h2>
          <p class="card-lead">{{ 'profile.notifications.lead' | transloco }}</p>
          <a mat-stroked-button routerLink="/account/meldingen" data-testid="notification-settings">{{ 'profile.notifications.link' | transloco }}</a>
        </mat-card-content>
      </mat-card>

      <mat-card appearance="outlined">
        <mat-card-content>
          <h2 class="card-title">{{ 'profile.sessions.title' | transloco }}</h2>
          <p class="card-lead">{{ 'profile.sessions.lead' | transloco }}</p>
          <app-resource-state [resource]="sessions" [empty]="sessions.value()?.length === 0" emptyIcon="devices"
            [emptyTitle]="'profile.sessions.emptyTitle' | transloco" [emptyText]="'profile.sessions.emptyText' | transloco">
            <div class="table-wrap">
              <table mat-table [dataSource]="sessions.value() ?? []" data-testid="sessions-table">
                <caption class="visually-hidden">{{ 'profile.sessions.title' | transloco }}</caption>
                <ng-container matColumnDef="browser">
                  <th mat-header-cell *matHeaderCellDef scope="col">{{ 'profile.sessions.browser' | transloco }}</th>
                  <td mat-cell *matCellDef="let s">
                    {{ s.browser ?? ('profile.sessions.unknownBrowser' | transloco) }}
                    @if (s.current) {
                      <span class="this-device">{{ 'profile.sessions.thisDevice' | transloco }}</span>
                    }
                  </td>
                </ng-container>
                <ng-container matColumnDef="ip">
                  <th mat-header-cell *matHeaderCellDef scope="col">{{ 'profile.sessions.address' | transloco }}</th>
                  <td mat-cell *matCellDef="let s">{{ s.ip ?? '–' }}</td>
                </ng-container>
                <ng-container matColumnDef="lastSeen">
                  <th mat-header-cell *matHeaderCellDef scope="col">{{ 'profile.sessions.lastSeen' | transloco }}</th>
                  <td mat-cell *matCellDef="let s"><time [attr.datetime]="s.lastSeenAt">{{ s.lastSeenAt | appDate: 'dateTime' }}</time></td>
                </ng-container>
                <ng-container matColumnDef="actions">
                  <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">{{ 'field.actions' | transloco }}</span></th>
                  <td mat-cell *matCellDef="let s">
                    @if (!s.current) {
                      <button mat-button type="button" (click)="endSession(s)" data-testid="end-session">
                        {{ 'profile.sessions.end' | transloco }}
                      </button>
                    }
                  </td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr mat-row *matRowDef="let row; columns: columns"></tr>
              </table>
            </div>
          </app-resource-state>
        </mat-card-content>
      </mat-card>
    </div>
  `,
})
export class ProfilePage implements HoldsUnsavedInput {
  protected readonly session = inject(Session);
  private readonly api = inject(AccountApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(TranslocoService);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly passwordDirective = viewChild('passwordFormDirective', { read: FormGroupDirective });

  protected readonly me = this.session.me;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly columns = ['browser', 'ip', 'lastSeen', 'actions'];
  protected readonly sessions = resource({ loader: () => this.api.sessions() });

  protected readonly passwordSubmit = new FormSubmit();
  protected readonly passwordForm = this.fb.group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });
  protected readonly newPassword = toSignal(this.passwordForm.controls.newPassword.valueChanges, { initialValue: '' });

  protected readonly disableSubmit = new FormSubmit();
  protected readonly disableForm = this.fb.group({
    password: ['', Validators.required],
    code: ['', [Validators.required, Validators.pattern(MFA_CODE)]],
  });

  protected async changePassword(): Promise<void> {
    const { currentPassword, newPassword } = this.passwordForm.getRawValue();
    if (!(await this.passwordSubmit.run(this.passwordForm, () => this.api.changePassword(currentPassword, newPassword)))) return;
    this.passwordDirective()?.resetForm({ currentPassword: '', newPassword: '' });
    this.snackBar.open(this.i18n.translate('profile.password.changed'), undefined, { duration: 6000 });
    this.sessions.reload();
  }

  protected async disableMfa(): Promise<void> {
    const code = this.disableForm.controls.code;
    code.setValue(code.value.replace(/\s+/g, ''));
    if (!this.disableSubmit.check(this.disableForm)) return;
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.translate('profile.mfa.disableTitle'),
      message: this.i18n.translate('profile.mfa.disableText'),
      confirm: this.i18n.translate('profile.mfa.disable'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!confirmed) return;
    const { password } = this.disableForm.getRawValue();
    if (!(await this.disableSubmit.run(this.disableForm, () => this.api.mfaDisable(password, code.value)))) return;
    this.disableForm.reset();
    await this.session.refresh().catch(() => undefined);
    this.snackBar.open(this.i18n.translate('profile.mfa.disabled'), undefined, { duration: 5000 });
  }

  protected async endSession(view: SessionView): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.translate('profile.sessions.endTitle'),
      message: this.i18n.translate('profile.sessions.endText', {
        browser: view.browser ?? this.i18n.translate('profile.sessions.unknownBrowser'),
      }),
      confirm: this.i18n.translate('profile.sessions.end'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!confirmed) return;
    try {
      await this.api.endSession(view.id);
      this.snackBar.open(this.i18n.translate('profile.sessions.ended'), undefined, { duration: 4000 });
    } finally {
      this.sessions.reload();
    }
  }

  /** A password being typed (not yet changed). */
  hasUnsavedInput(): boolean {
    return (this.passwordForm.dirty || this.disableForm.dirty) && !this.passwordSubmit.busy() && !this.disableSubmit.busy();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }
}
