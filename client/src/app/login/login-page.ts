import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountApi, MFA_CODE } from '../account/account-api';
import { errorMessage } from '../core/api-error';
import { Session } from '../core/session';
import { PublicPage } from '../ui/public-page';

type Step = 'password' | 'code' | 'forgot' | 'forgotSent';

/**
 * The e-mail address typed into the login form the server drew (client/src/login.js, ADR 0032) before it handed the
 * page to this one: read once, then forgotten.
 */
const HANDED_EMAIL = 'casustafel.inloggen.email';
function takeHandedEmail(): string {
  try {
    const email = sessionStorage.getItem(HANDED_EMAIL) ?? '';
    sessionStorage.removeItem(HANDED_EMAIL);
    return email;
  } catch {
    return '';
  }
}

@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatIconModule, TranslocoPipe, PublicPage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    h1 { font: var(--mat-sys-headline-medium); margin: 0; color: var(--mat-sys-primary); }
    h2 { font: var(--mat-sys-title-large); margin: 0 0 8px; }
    h2:focus { outline: none; }
    .tagline { margin: 4px 0 24px; color: var(--mat-sys-on-surface-variant); }
    .lead { margin: 0 0 16px; color: var(--mat-sys-on-surface-variant); }
    form { display: flex; flex-direction: column; gap: 12px; }
    .notice { padding: 12px; border-radius: 8px; margin: 0 0 16px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .alert { padding: 12px; border-radius: 8px; margin: 0; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .secondary { align-self: flex-start; }
  `,
  template: `
    <app-public-page [brand]="false">
      <h1>Casustafel</h1>
      <p class="tagline">{{ 'login.tagline' | transloco }}</p>
      @if (verlopen() && step() === 'password') {
        <p class="notice" role="status">{{ 'login.expired' | transloco }}</p>
      }
      @if (step() === 'password') {
        @switch (melding()) {
          @case ('geactiveerd') {
            <p class="notice" role="status" data-testid="login-notice">{{ 'login.activated' | transloco }}</p>
          }
          @case ('hersteld') {
            <p class="notice" role="status" data-testid="login-notice">{{ 'login.passwordReset' | transloco }}</p>
          }
        }
      }

      @switch (step()) {
        @case ('password') {
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
            <button mat-button type="button" class="secondary" (click)="forgot()" data-testid="forgot-password">
              {{ 'login.forgot' | transloco }}
            </button>
          </form>
        }
        @case ('code') {
          <h2 #stepHeading tabindex="-1">{{ 'login.codeTitle' | transloco }}</h2>
          <p class="lead">{{ (recovery() ? 'login.recoveryLead' : 'login.codeLead') | transloco }}</p>
          <form [formGroup]="codeForm" (ngSubmit)="verify()" novalidate>
            <mat-form-field>
              <mat-label>{{ (recovery() ? 'login.recoveryCode' : 'login.code') | transloco }}</mat-label>
              <input #code matInput formControlName="code" autocomplete="one-time-code" required data-testid="mfa-code"
                [attr.inputmode]="recovery() ? 'text' : 'numeric'" [attr.maxlength]="recovery() ? 11 : 6" spellcheck="false" />
              @if (codeForm.controls.code.touched && codeForm.controls.code.invalid) {
                <mat-error>{{ (recovery() ? 'login.recoveryCodeInvalid' : 'login.codeInvalid') | transloco }}</mat-error>
              }
            </mat-form-field>
            @if (error()) {
              <p class="alert" role="alert" data-testid="login-error">{{ error() }}</p>
            }
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="mfa-submit">
              {{ (busy() ? 'login.busy' : 'login.verify') | transloco }}
            </button>
            <button mat-button type="button" class="secondary" (click)="toggleRecovery()">
              {{ (recovery() ? 'login.useApp' : 'login.useRecovery') | transloco }}
            </button>
            <button mat-button type="button" class="secondary" (click)="backToPassword()">{{ 'login.back' | transloco }}</button>
          </form>
        }
        @case ('forgot') {
          <h2 #stepHeading tabindex="-1">{{ 'login.forgotTitle' | transloco }}</h2>
          <p class="lead">{{ 'login.forgotLead' | transloco }}</p>
          <form [formGroup]="forgotForm" (ngSubmit)="requestReset()" novalidate>
            <mat-form-field>
              <mat-label>{{ 'login.email' | transloco }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="username" required data-testid="forgot-email" />
              @if (forgotForm.controls.email.touched && forgotForm.controls.email.invalid) {
                <mat-error>{{ 'login.emailRequired' | transloco }}</mat-error>
              }
            </mat-form-field>
            @if (error()) {
              <p class="alert" role="alert">{{ error() }}</p>
            }
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="forgot-submit">{{ 'login.forgotSubmit' | transloco }}</button>
            <button mat-button type="button" class="secondary" (click)="backToPassword()">{{ 'login.back' | transloco }}</button>
          </form>
        }
        @case ('forgotSent') {
          <h2 #stepHeading tabindex="-1">{{ 'login.forgotTitle' | transloco }}</h2>
          <p class="notice" role="status" data-testid="forgot-sent">{{ 'login.forgotSent' | transloco }}</p>
          <button mat-flat-button type="button" (click)="backToPassword()">{{ 'login.back' | transloco }}</button>
        }
      }
    </app-public-page>
  `,
})
export class LoginPage implements OnInit {
  private readonly session = inject(Session);
  private readonly account = inject(AccountApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);

  /** Query parameters, bound by the router. */
  readonly terug = input<string>();
  readonly verlopen = input<string>();
  /** After choosing a password through a link: `geactiveerd` or `hersteld`. */
  readonly melding = input<string>();
  /**
   * The step to open with, when the server-drawn login form hands over (ADR 0032): `code` after a password that needs
   * the second step, `vergeten` for a forgotten password.
   */
  readonly stap = input<string>();

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly codeForm = this.fb.group({ code: ['', [Validators.required, Validators.pattern(MFA_CODE)]] });
  protected readonly forgotForm = this.fb.group({ email: ['', [Validators.required, Validators.email]] });

  protected readonly step = signal<Step>('password');
  protected readonly recovery = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly showPassword = signal(false);
  private readonly emailInput = viewChild<ElementRef<HTMLInputElement>>('email');
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('code');
  private readonly stepHeading = viewChild<ElementRef<HTMLElement>>('stepHeading');

  constructor() {
    // The one thing to do on this page: start typing the e-mail address.
    afterNextRender(() => this.emailInput()?.nativeElement.focus());
  }

  ngOnInit(): void {
    const email = takeHandedEmail();
    if (email) this.form.controls.email.setValue(email);
    const step = this.stap();
    if (step === 'code') this.goTo('code', () => this.codeInput()?.nativeElement.focus());
    else if (step === 'vergeten') this.forgot();
    // The step was for this start only: going back or reloading shows the form again.
    if (step)
      afterNextRender(
        () =>
          void this.router.navigate([], {
            relativeTo: this.route,
            queryParams: { stap: null },
            queryParamsHandling: 'merge',
            replaceUrl: true,
          }),
        { injector: this.injector },
      );
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.attempt(async () => {
      const { email, password } = this.form.getRawValue();
      if ((await this.session.login(email, password)) === 'mfaRequired') {
        this.form.controls.password.reset();
        this.codeForm.reset();
        this.recovery.set(false);
        this.goTo('code', () => this.codeInput()?.nativeElement.focus());
        return;
      }
      await this.continue();
    });
  }

  protected async verify(): Promise<void> {
    const control = this.codeForm.controls.code;
    control.setValue(control.value.replace(/\s+/g, ''));
    if (this.codeForm.invalid) {
      this.codeForm.markAllAsTouched();
      return;
    }
    await this.attempt(async () => {
      await this.session.verifyMfa(control.value);
      await this.continue();
    });
  }

  protected toggleRecovery(): void {
    this.recovery.set(!this.recovery());
    this.codeForm.reset();
    this.error.set(null);
    this.codeInput()?.nativeElement.focus();
  }

  protected forgot(): void {
    const email = this.form.controls.email.value;
    this.forgotForm.reset({ email });
    this.goTo('forgot', () => this.stepHeading()?.nativeElement.focus());
  }

  protected async requestReset(): Promise<void> {
    if (this.forgotForm.invalid) {
      this.forgotForm.markAllAsTouched();
      return;
    }
    await this.attempt(async () => {
      await this.account.requestReset(this.forgotForm.getRawValue().email);
      this.goTo('forgotSent', () => this.stepHeading()?.nativeElement.focus());
    });
  }

  protected backToPassword(): void {
    this.goTo('password', () => this.emailInput()?.nativeElement.focus());
  }

  /** Runs one request of this page: busy meanwhile, the server's message beside the form when it fails. */
  private async attempt(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Shows another step and moves the focus into it, so a screen reader hears where it is. */
  private goTo(step: Step, focus: () => void): void {
    this.error.set(null);
    this.step.set(step);
    afterNextRender(focus, { injector: this.injector });
  }

  private async continue(): Promise<void> {
    const target = this.terug();
    await this.router.navigateByUrl(target && target.startsWith('/') && !target.startsWith('//') ? target : '/');
  }
}
