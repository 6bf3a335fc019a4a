import { ChangeDetectionStrategy, Component, inject, input, output, resource, signal } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CASE_TRANSITIONS } from '@casustafel/contract/case-rules';
import type { CaseStatus } from '@casustafel/contract/enums';
import type { KnownElsewhereView } from '@casustafel/contract/referrals';
import { confirmAction } from '../ui/confirm-dialog';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { ReferralsApi } from './referrals-api';

/**
 * On the case page, for the coordinator (issue #14): refer the case to another network, and ask
 * whether its client is known in another network. Neither shows or sends an identity.
 */
@Component({
  selector: 'app-case-between-networks',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    ErrorSummary,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    mat-expansion-panel { margin-top: 16px; }
    form { display: grid; gap: 8px; max-width: 640px; margin-bottom: 24px; }
    .answer { padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-surface-container); max-width: 640px; }
    .answer ul { margin: 8px 0 0; padding-left: 20px; }
  `,
  template: `
    <!-- Closed until opened: the list of networks is loaded only then. -->
    <mat-expansion-panel (opened)="opened.set(true)" data-testid="between-networks">
      <mat-expansion-panel-header><mat-panel-title>{{ 'referral.caseTitle' | transloco }}</mat-panel-title></mat-expansion-panel-header>
        @if (mayRefer()) {
          <h3>{{ 'referral.referTitle' | transloco }}</h3>
          <p>{{ 'referral.referLead' | transloco }}</p>
          <form [formGroup]="referForm" (ngSubmit)="refer(referDir)" #referDir="ngForm" novalidate data-testid="refer-form">
            <app-error-summary [submit]="referSubmit" />
            <mat-form-field>
              <mat-label>{{ 'referral.toNetwork' | transloco }}</mat-label>
              <mat-select formControlName="toNetworkId" required data-testid="refer-network">
                @for (n of targets.value() ?? []; track n.id) {
                  <mat-option [value]="n.id">{{ n.name }} ({{ 'enum.networkKind.' + n.kind | transloco }})</mat-option>
                }
              </mat-select>
              @if ((targets.value() ?? []).length === 0 && !targets.isLoading()) { <mat-hint>{{ 'referral.noTargets' | transloco }}</mat-hint> }
              <mat-error>{{ referForm.controls.toNetworkId | errorText: { required: 'referral.toNetworkRequired' } }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'field.reason' | transloco }}</mat-label>
              <textarea matInput rows="3" formControlName="reason" required data-testid="refer-reason"></textarea>
              <mat-hint>{{ 'referral.reasonHint' | transloco }}</mat-hint>
              <mat-error>{{ referForm.controls.reason | errorText: { required: 'referral.reasonRequired', minlength: 'referral.reasonRequired' } }}</mat-error>
            </mat-form-field>
            <p><button mat-flat-button type="submit" [disabled]="referSubmit.busy()" data-testid="refer-submit"><mat-icon>forward</mat-icon>{{ 'referral.refer' | transloco }}</button></p>
          </form>
        }

        <h3>{{ 'referral.knownTitle' | transloco }}</h3>
        <p>{{ 'referral.knownLead' | transloco }}</p>
        <form [formGroup]="knownForm" (ngSubmit)="askKnown()" novalidate data-testid="known-form">
          <app-error-summary [submit]="knownSubmit" />
          <mat-form-field>
            <mat-label>{{ 'referral.purpose' | transloco }}</mat-label>
            <textarea matInput rows="2" formControlName="purpose" required data-testid="known-purpose"></textarea>
            <mat-hint>{{ 'referral.purposeHint' | transloco }}</mat-hint>
            <mat-error>{{ knownForm.controls.purpose | errorText: { required: 'referral.purposeRequired', minlength: 'referral.purposeRequired' } }}</mat-error>
          </mat-form-field>
          <p><button mat-stroked-button type="submit" [disabled]="knownSubmit.busy()" data-testid="known-submit"><mat-icon>travel_explore</mat-icon>{{ 'referral.knownAsk' | transloco }}</button></p>
        </form>
        <div aria-live="polite">
          @if (answer(); as a) {
            <div class="answer" data-testid="known-answer">
              @if (a.known) {
                <strong>{{ 'referral.knownYes' | transloco }}</strong>
                <ul>
                  @for (n of a.networks; track n.id) {
                    <li>
                      {{ n.name }}:
                      @for (c of n.coordinators; track c.email; let last = $last) {
                        {{ c.name }} ({{ c.organisation }}, <a [href]="'mailto:' + c.email">{{ c.email }}</a>){{ last ? '' : ';' }}
                      } @empty { {{ 'referral.noCoordinator' | transloco }} }
                    </li>
                  }
                </ul>
              } @else {
                <strong>{{ 'referral.knownNo' | transloco }}</strong>
              }
            </div>
          }
        </div>
    </mat-expansion-panel>
  `,
})
export class CaseBetweenNetworks {
  private readonly api = inject(ReferralsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(TranslocoService);
  readonly caseId = input.required<string>();
  readonly networkId = input.required<string>();
  readonly status = input.required<CaseStatus>();
  /** The case was referred: the page reloads it. */
  readonly referred = output<void>();

  protected mayRefer(): boolean {
    return CASE_TRANSITIONS[this.status()].includes('REFERRED');
  }
  protected readonly opened = signal(false);
  protected readonly targets = resource({
    params: () => (this.opened() && this.mayRefer() ? { id: this.networkId() } : undefined),
    loader: ({ params }) => this.api.targets(params.id),
  });
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly referForm = this.fb.group({
    toNetworkId: ['', Validators.required],
    reason: ['', [Validators.required, Validators.minLength(10)]],
  });
  protected readonly referSubmit = new FormSubmit();
  protected readonly knownForm = this.fb.group({ purpose: ['', [Validators.required, Validators.minLength(10)]] });
  protected readonly knownSubmit = new FormSubmit();
  protected readonly answer = signal<KnownElsewhereView | null>(null);

  protected async refer(dir: FormGroupDirective): Promise<void> {
    if (!this.referSubmit.check(this.referForm)) return;
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.translate('referral.confirmTitle'),
      message: this.i18n.translate('referral.confirmText'),
      confirm: this.i18n.translate('referral.refer'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!confirmed) return;
    const { toNetworkId, reason } = this.referForm.getRawValue();
    const ok = await this.referSubmit.run(this.referForm, (submission) =>
      this.api.refer(this.caseId(), { toNetworkId, reason: reason.trim() }, submission.options),
    );
    if (!ok) return;
    this.snackBar.open(this.i18n.translate('referral.referred'), undefined, { duration: 4000 });
    dir.resetForm({ toNetworkId: '', reason: '' });
    this.referred.emit();
  }

  protected async askKnown(): Promise<void> {
    this.answer.set(null);
    let result: KnownElsewhereView | null = null;
    const ok = await this.knownSubmit.run(this.knownForm, async (submission) => {
      result = await this.api.knownElsewhere(this.caseId(), { purpose: this.knownForm.getRawValue().purpose.trim() }, submission.options);
    });
    if (ok) this.answer.set(result);
  }
}
