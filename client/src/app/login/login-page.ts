import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { errorMessage } from '../core/api-error';
import { LanguageService } from '../core/i18n';
import { Session } from '../core/session';

@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: grid; place-items: center; min-height: 100vh; padding: 16px; box-sizing: border-box; background: var(--mat-sys-surface-container-low); }
    main { width: 100%; max-width: 420px; }
    mat-card { padding: 8px 8px 16px; }
    h1 { font: var(--mat-sys-headline-medium); margin: 0; color: var(--mat-sys-primary); }
    .tagline { margin: 4px 0 24px; color: var(--mat-sys-on-surface-variant); }
    form { display: flex; flex-direction: column; gap: 12px; }
    .notice { padding: 12px; border-radius: 8px; margin-bottom: 16px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .alert { padding: 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .footer { display: flex; justify-content: space-between; align-items: center; margin-top: 16px; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
  `,
  template: `
    <main>
      <mat-card appearance="outlined">
        <mat-card-content>
          <h1>Casustafel</h1>
          <p class="tagline">{{ 'login.tagline' | transloco }}</p>
          @if (verlopen()) {
            <p class="notice" role="status">{{ 'login.expired' | transloco }}</p>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ 'login.email' | transloco }}</mat-label>
              <input #email matInput type="email" formControlName="email" autocomplete="username" required />
              @if (form.controls.email.touched && form.controls.email.invalid) {
                <mat-error>{{ 'login.emailRequired' | transloco }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'login.password' | transloco }}</mat-label>
              <input matInput [type]="showPassword() ? 'text' : 'password'" formControlName="password" autocomplete="current-password" required />
              <button mat-icon-button matSuffix type="button" (click)="showPassword.set(!showPassword())"
                [attr.aria-label]="(showPassword() ? 'login.hidePassword' : 'login.showPassword') | transloco" [attr.aria-pressed]="showPassword()">
                <mat-icon>{{ showPassword() ? 'visibility_off' : 'visibility' }}</mat-icon>
              </button>
              @if (form.controls.password.touched && form.controls.password.invalid) {
                <mat-error>{{ 'login.passwordRequired' | transloco }}</mat-error>
              }
            </mat-form-field>
            @if (error()) {
              <p class="alert" role="alert" data-testid="login-error">{{ error() }}</p>
            }
            <button mat-flat-button type="submit" [disabled]="busy()">
              {{ (busy() ? 'login.busy' : 'login.submit') | transloco }}
            </button>
          </form>
          <div class="footer">
            <span>{{ 'login.confidential' | transloco }}</span>
            <button mat-button type="button" (click)="switchLanguage()" data-testid="language-toggle">
              {{ 'shell.otherLanguage' | transloco }}
            </button>
          </div>
        </mat-card-content>
      </mat-card>
    </main>
  `,
})
export class LoginPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly languages = inject(LanguageService);

  /** Query parameters, bound by the router. */
  readonly terug = input<string>();
  readonly verlopen = input<string>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly showPassword = signal(false);
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('email');

  constructor() {
    // The one thing to do on this page: start typing the e-mail address.
    afterNextRender(() => this.emailInput().nativeElement.focus());
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const { email, password } = this.form.getRawValue();
      await this.session.login(email, password);
      const target = this.terug();
      await this.router.navigateByUrl(target && target.startsWith('/') && !target.startsWith('//') ? target : '/');
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected switchLanguage(): void {
    void this.languages.use(this.languages.language() === 'nl' ? 'en' : 'nl');
  }
}
