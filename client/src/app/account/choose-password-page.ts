import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MIN_LENGTH } from '@casustafel/contract/limits';
import { ErrorSummary } from '../ui/error-summary';
import { FormSubmit } from '../ui/form-submit';
import { PublicPage } from '../ui/public-page';
import { AccountApi } from './account-api';
import { PasswordStrength } from './password-strength';

/**
 * Choosing a password with the token from an e-mail: the first one (activation, `/account/activeren`)
 * or a new one after a forgotten one (`/account/herstellen`). Afterwards the user signs in.
 */
@Component({
  selector: 'app-choose-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    PublicPage,
    PasswordStrength,
    ErrorSummary,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    h1 { font: var(--mat-sys-headline-small); margin: 0 0 8px; }
    .lead { margin: 0 0 20px; color: var(--mat-sys-on-surface-variant); }
    form { display: flex; flex-direction: column; gap: 12px; }
    .alert { padding: 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); margin: 0; }
  `,
  template: `
    <app-public-page>
      <h1>{{ (mode() === 'activate' ? 'choosePassword.activateTitle' : 'choosePassword.resetTitle') | transloco }}</h1>
      @if (!token()) {
        <p class="alert" role="alert">{{ 'choosePassword.noToken' | transloco }}</p>
        <p><a routerLink="/inloggen">{{ 'choosePassword.toLogin' | transloco }}</a></p>
      } @else {
        <p class="lead">
          {{ (mode() === 'activate' ? 'choosePassword.activateLead' : 'choosePassword.resetLead') | transloco: { min: minLength } }}
        </p>
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <app-error-summary [submit]="submit" />
          <mat-form-field>
            <mat-label>{{ 'choosePassword.password' | transloco }}</mat-label>
            <input #password matInput [type]="showPassword() ? 'text' : 'password'" formControlName="password" autocomplete="new-password"
              required data-testid="new-password" />
            <button mat-icon-button matSuffix type="button" (click)="showPassword.set(!showPassword())"
              [attr.aria-label]="(showPassword() ? 'login.hidePassword' : 'login.showPassword') | transloco" [attr.aria-pressed]="showPassword()">
              <mat-icon>{{ showPassword() ? 'visibility_off' : 'visibility' }}</mat-icon>
            </button>
            <mat-error>{{ form.controls.password.errors?.['server'] ?? ('password.strength.minLength' | transloco: { min: minLength }) }}</mat-error>
          </mat-form-field>
          <app-password-strength [password]="passwordValue()" />
          <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="choose-password-submit">
            {{ (mode() === 'activate' ? 'choosePassword.activateSubmit' : 'choosePassword.resetSubmit') | transloco }}
          </button>
        </form>
      }
    </app-public-page>
  `,
})
export class ChoosePasswordPage {
  private readonly api = inject(AccountApi);
  private readonly router = inject(Router);

  /** From the route's data. */
  readonly mode = input<'activate' | 'reset'>('activate');
  /** From the link in the e-mail. */
  readonly token = input<string>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly showPassword = signal(false);
  protected readonly submit = new FormSubmit();
  protected readonly form = inject(FormBuilder).nonNullable.group({
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });
  protected readonly passwordValue = toSignal(this.form.controls.password.valueChanges, { initialValue: '' });
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('password');

  constructor() {
    afterNextRender(() => this.passwordInput()?.nativeElement.focus());
  }

  protected async save(): Promise<void> {
    const token = this.token() ?? '';
    const { password } = this.form.getRawValue();
    const mode = this.mode();
    const done = await this.submit.run(this.form, () =>
      mode === 'activate' ? this.api.activate(token, password) : this.api.confirmReset(token, password),
    );
    if (done) await this.router.navigate(['/inloggen'], { queryParams: { melding: mode === 'activate' ? 'geactiveerd' : 'hersteld' } });
  }
}
