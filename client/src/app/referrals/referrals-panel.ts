import { ChangeDetectionStrategy, Component, inject, input, resource, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ReferralView } from '@casustafel/contract/referrals';
import { AppDatePipe } from '../ui/app-date.pipe';
import { confirmAction } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { Loading } from '../ui/loading';
import { ReferralsApi } from './referrals-api';

/** "Doorverwijzingen" on the network page, for the coordinator (issue #14): incoming ones to accept or decline, outgoing ones to follow. */
@Component({
  selector: 'app-referrals-panel',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslocoPipe,
    AppDatePipe,
    EmptyState,
    ErrorTextPipe,
    Loading,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    ul.referrals { list-style: none; padding: 0; display: grid; gap: 12px; max-width: 880px; }
    .meta { color: var(--mat-sys-on-surface-variant); }
    .reason { white-space: pre-wrap; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; }
    .decline { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; }
    .decline mat-form-field { min-width: 320px; flex: 1; }
  `,
  template: `
    <section aria-labelledby="referrals-heading" data-testid="referrals-panel">
      <h2 id="referrals-heading">{{ 'referral.listTitle' | transloco }}</h2>
      @if (referrals.isLoading() && !referrals.value()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else if ((referrals.value() ?? []).length === 0) {
        <app-empty-state icon="forward" [title]="'referral.emptyTitle' | transloco" [text]="'referral.emptyText' | transloco" />
      } @else {
        <ul class="referrals">
          @for (r of referrals.value() ?? []; track r.id) {
            <li>
              <mat-card appearance="outlined" [attr.data-testid]="'referral-' + r.id">
                <mat-card-content>
                  <h3>
                    {{ (r.direction === 'INCOMING' ? 'referral.incoming' : 'referral.outgoing') | transloco: { from: r.fromNetwork.name, to: r.toNetwork.name } }}
                    — {{ r.pseudonym }}
                  </h3>
                  <p class="meta">
                    {{ 'enum.referralStatus.' + r.status | transloco }} · {{ r.createdAt | appDate }} ·
                    {{ 'field.urgency' | transloco }}: {{ 'enum.urgency.' + r.urgency | transloco }} ·
                    @for (a of r.problemAreas; track a; let last = $last) { {{ 'enum.problemArea.' + a | transloco }}{{ last ? '' : ', ' }} }
                  </p>
                  <p class="reason">{{ r.reason }}</p>
                  <p>{{ (r.identityMoves ? 'referral.identityMoves' : 'referral.identityStays') | transloco }}</p>
                  @if (r.declineReason) { <p><strong>{{ 'referral.declineReason' | transloco }}:</strong> {{ r.declineReason }}</p> }
                  @if (r.caseId) { <a mat-button [routerLink]="['/casussen', r.caseId]">{{ 'referral.openOwnCase' | transloco }}</a> }
                  @if (r.newCaseId) { <a mat-button [routerLink]="['/casussen', r.newCaseId]">{{ 'referral.openNewCase' | transloco }}</a> }
                  @if (r.canDecide) {
                    <div class="buttons">
                      <button mat-flat-button type="button" (click)="accept(r)" [disabled]="busy()" data-testid="referral-accept">{{ 'referral.accept' | transloco }}</button>
                      @if (declining() === r.id) {
                        <div class="decline">
                          <mat-form-field>
                            <mat-label>{{ 'field.reason' | transloco }}</mat-label>
                            <input matInput [formControl]="declineReason" required data-testid="referral-decline-reason" />
                            <mat-error>{{ declineReason | errorText: { required: 'referral.declineRequired', minlength: 'referral.declineRequired' } }}</mat-error>
                          </mat-form-field>
                          <button mat-stroked-button type="button" (click)="decline(r)" [disabled]="busy()" data-testid="referral-decline-confirm">{{ 'referral.decline' | transloco }}</button>
                        </div>
                      } @else {
                        <button mat-stroked-button type="button" (click)="declining.set(r.id)" data-testid="referral-decline">{{ 'referral.decline' | transloco }}</button>
                      }
                    </div>
                  }
                </mat-card-content>
              </mat-card>
            </li>
          }
        </ul>
      }
    </section>
  `,
})
export class ReferralsPanel {
  private readonly api = inject(ReferralsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(TranslocoService);
  readonly networkId = input.required<string>();

  protected readonly referrals = resource({ params: () => ({ id: this.networkId() }), loader: ({ params }) => this.api.list(params.id) });
  protected readonly declining = signal<string | null>(null);
  protected readonly declineReason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(5)] });
  protected readonly busy = signal(false);

  protected async accept(r: ReferralView): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.translate('referral.acceptTitle', { pseudonym: r.pseudonym }),
      message: this.i18n.translate(r.identityMoves ? 'referral.acceptWithIdentity' : 'referral.acceptWithoutIdentity'),
      confirm: this.i18n.translate('referral.accept'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!confirmed) return;
    this.busy.set(true);
    try {
      await this.api.accept(r.id);
      this.snackBar.open(this.i18n.translate('referral.accepted'), undefined, { duration: 4000 });
      this.referrals.reload();
    } finally {
      this.busy.set(false);
    }
  }

  protected async decline(r: ReferralView): Promise<void> {
    this.declineReason.markAsTouched();
    if (this.declineReason.invalid) return;
    this.busy.set(true);
    try {
      await this.api.decline(r.id, { reason: this.declineReason.value.trim() });
      this.snackBar.open(this.i18n.translate('referral.declined'), undefined, { duration: 4000 });
      this.declining.set(null);
      this.declineReason.reset('');
      this.referrals.reload();
    } finally {
      this.busy.set(false);
    }
  }
}
