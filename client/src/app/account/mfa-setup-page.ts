import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MfaSetupView } from '@casustafel/contract/account';
import { errorMessage } from '../core/api-error';
import { Session } from '../core/session';
import { ErrorSummary } from '../ui/error-summary';
import { FormSubmit } from '../ui/form-submit';
import { Loading } from '../ui/loading';
import { PublicPage } from '../ui/public-page';
import { AccountApi } from './account-api';

/**
 * Switching on the second factor (`/account/tweede-stap`): scan the QR code (or type the key) in an
 * authenticator app, confirm with a code from it, then save the ten recovery codes shown this once.
 * A user the MFA_REQUIRED policy asks to enrol lands here before anything else.
 */
@Component({
  selector: 'app-mfa-setup-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatCheckboxModule,
    TranslocoPipe,
    PublicPage,
    Loading,
    ErrorSummary,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'wide' },
  styles: `
    h1 { font: var(--mat-sys-headline-small); margin: 0 0 8px; }
    h1:focus { outline: none; }
    h2 { font: var(--mat-sys-title-medium); margin: 20px 0 8px; }
    p { margin: 0 0 12px; }
    ol { padding-left: 20px; margin: 0 0 12px; }
    ol li { margin-bottom: 6px; }
    .lead { color: var(--mat-sys-on-surface-variant); }
    .qr { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin: 8px 0 16px; }
    .qr img { width: 200px; height: 200px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; background: #fff; }
    .secret { font-family: ui-monospace, monospace; font-size: 14px; letter-spacing: 0.5px; word-break: break-word;
      background: var(--mat-sys-surface-container); padding: 8px 12px; border-radius: 8px; display: inline-block; }
    form { display: flex; flex-direction: column; gap: 12px; }
    .codes { columns: 2; list-style: none; padding: 12px 16px; margin: 0 0 12px; border-radius: 8px; background: var(--mat-sys-surface-container);
      font-family: ui-monospace, monospace; font-size: 15px; }
    .codes li { padding: 2px 0; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 12px; }
    .notice { padding: 12px; border-radius: 8px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .warning { padding: 12px; border-radius: 8px; background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    .alert { padding: 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); margin: 0; }
  `,
  template: `
    <app-public-page>
      <h1 #heading tabindex="-1">{{ 'mfaSetup.title' | transloco }}</h1>
      @if (required()) {
        <p class="notice" role="status" data-testid="mfa-required">{{ 'mfaSetup.required' | transloco }}</p>
      }

      @if (recoveryCodes(); as codes) {
        <h2>{{ 'mfaSetup.codesTitle' | transloco }}</h2>
        <p>{{ 'mfaSetup.codesLead' | transloco }}</p>
        <p class="warning">{{ 'mfaSetup.codesOnce' | transloco }}</p>
        <ul class="codes" data-testid="recovery-codes" [attr.aria-label]="'mfaSetup.codesTitle' | transloco">
          @for (code of codes; track code) {
            <li>{{ code }}</li>
          }
        </ul>
        <div class="row">
          <button mat-stroked-button type="button" (click)="copy(codes)"><mat-icon>content_copy</mat-icon>{{ 'mfaSetup.copy' | transloco }}</button>
          <button mat-stroked-button type="button" (click)="download(codes)"><mat-icon>download</mat-icon>{{ 'mfaSetup.download' | transloco }}</button>
        </div>
        <mat-checkbox [checked]="saved()" (change)="saved.set($event.checked)" data-testid="codes-saved">{{ 'mfaSetup.saved' | transloco }}</mat-checkbox>
        <div class="row">
          <button mat-flat-button type="button" [disabled]="!saved()" (click)="finish()" data-testid="mfa-finish">{{ 'mfaSetup.finish' | transloco }}</button>
        </div>
      } @else if (session.mfa().enabled) {
        <p class="notice" role="status">{{ 'mfaSetup.alreadyOn' | transloco }}</p>
        <a mat-stroked-button routerLink="/account">{{ 'mfaSetup.toProfile' | transloco }}</a>
      } @else if (setupError()) {
        <p class="alert" role="alert">{{ setupError() }}</p>
        <div class="row"><button mat-stroked-button type="button" (click)="start()">{{ 'mfaSetup.retry' | transloco }}</button></div>
      } @else if (!setup()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else {
        <p class="lead">{{ 'mfaSetup.lead' | transloco }}</p>
        <ol>
          <li>{{ 'mfaSetup.step1' | transloco }}</li>
          <li>{{ 'mfaSetup.step2' | transloco }}</li>
          <li>{{ 'mfaSetup.step3' | transloco }}</li>
        </ol>
        <div class="qr">
          @if (qr()) {
            <img [src]="qr()" [alt]="'mfaSetup.qrAlt' | transloco" width="200" height="200" data-testid="mfa-qr" />
          }
          <div>
            <p>{{ 'mfaSetup.manual' | transloco }}</p>
            <code class="secret" data-testid="mfa-secret" [attr.data-secret]="setup()?.secret">{{ grouped() }}</code>
          </div>
        </div>
        <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
          <app-error-summary [submit]="submit" />
          <mat-form-field>
            <mat-label>{{ 'login.code' | transloco }}</mat-label>
            <input matInput formControlName="code" autocomplete="one-time-code" inputmode="numeric" maxlength="6" required data-testid="mfa-setup-code" />
            <mat-hint>{{ 'mfaSetup.codeHint' | transloco }}</mat-hint>
            <mat-error>{{ form.controls.code.errors?.['server'] ?? ('login.codeInvalid' | transloco) }}</mat-error>
          </mat-form-field>
          <div class="row">
            <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="mfa-setup-submit">{{ 'mfaSetup.confirm' | transloco }}</button>
            @if (required()) {
              <button mat-button type="button" (click)="logout()">{{ 'shell.logout' | transloco }}</button>
            } @else {
              <a mat-button routerLink="/account">{{ 'action.cancel' | transloco }}</a>
            }
          </div>
        </form>
      }
    </app-public-page>
  `,
})
export class MfaSetupPage {
  protected readonly session = inject(Session);
  private readonly api = inject(AccountApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(TranslocoService);
  private readonly injector = inject(Injector);

  /** Whether the policy sent the user here (they cannot skip it). */
  protected readonly required = signal(this.session.mfa().enrolmentRequired);
  protected readonly setup = signal<MfaSetupView | null>(null);
  protected readonly setupError = signal<string | null>(null);
  protected readonly qr = signal<string | null>(null);
  protected readonly recoveryCodes = signal<string[] | null>(null);
  protected readonly saved = signal(false);
  protected readonly submit = new FormSubmit();
  protected readonly form = inject(FormBuilder).nonNullable.group({ code: ['', [Validators.required, Validators.pattern(/^\d{6}$/)]] });
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  constructor() {
    if (!this.session.mfa().enabled) void this.start();
    afterNextRender(() => this.heading().nativeElement.focus());
  }

  /** The key in groups of four, easier to type over. */
  protected grouped(): string {
    return (this.setup()?.secret ?? '').replace(/(.{4})(?=.)/g, '$1 ');
  }

  protected async start(): Promise<void> {
    this.setupError.set(null);
    try {
      const setup = await this.api.mfaSetup();
      this.setup.set(setup);
      // The QR code library loads with this page only. It is CommonJS: the bundle gives it as the default export.
      const { toDataURL } = (await import('qrcode')).default;
      this.qr.set(await toDataURL(setup.otpauthUrl, { margin: 2, width: 200, errorCorrectionLevel: 'M' }));
    } catch (error) {
      this.setupError.set(errorMessage(error));
    }
  }

  protected async confirm(): Promise<void> {
    const control = this.form.controls.code;
    control.setValue(control.value.replace(/\s+/g, ''));
    let codes: string[] = [];
    const done = await this.submit.run(this.form, async () => (codes = (await this.api.mfaConfirm(control.value)).recoveryCodes));
    if (!done) return;
    this.recoveryCodes.set(codes);
    afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
  }

  protected async copy(codes: string[]): Promise<void> {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      this.snackBar.open(this.i18n.translate('mfaSetup.copied'), undefined, { duration: 3000 });
    } catch {
      this.snackBar.open(this.i18n.translate('mfaSetup.copyFailed'), this.i18n.translate('action.close'), { duration: 6000 });
    }
  }

  protected download(codes: string[]): void {
    const text = [this.i18n.translate('mfaSetup.fileHeader', { email: this.session.me()?.email ?? '' }), '', ...codes, ''].join('\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'casustafel-herstelcodes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  protected async finish(): Promise<void> {
    try {
      await this.session.refresh();
    } catch (error) {
      this.snackBar.open(errorMessage(error), this.i18n.translate('action.close'), { duration: 8000 });
      return;
    }
    await this.router.navigateByUrl(this.required() ? '/' : '/account');
  }

  protected async logout(): Promise<void> {
    await this.session.logout();
    await this.router.navigate(['/inloggen']);
  }
}
