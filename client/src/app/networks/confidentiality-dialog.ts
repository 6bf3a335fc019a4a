import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { errorMessage } from '../core/api-error';
import { CasesApi } from '../cases/cases-api';

export interface ConfidentialityDialogData {
  networkId: string;
  networkName: string;
  statement: string;
}

/** The network's confidentiality statement (geheimhoudingsverklaring), to read and accept. */
@Component({
  selector: 'app-confidentiality-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    blockquote { margin: 16px 0; padding: 12px 16px; border-left: 4px solid var(--mat-sys-primary); background: var(--mat-sys-surface-container); white-space: pre-wrap; }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'confidentiality.title' | transloco }}</h2>
    <mat-dialog-content>
      <p>{{ 'confidentiality.intro' | transloco: { network: data.networkName } }}</p>
      <blockquote data-testid="confidentiality-statement">{{ data.statement }}</blockquote>
      <p>{{ 'confidentiality.validity' | transloco }}</p>
      @if (error()) {
        <p class="error-text" role="alert">{{ error() }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ 'confidentiality.later' | transloco }}</button>
      <button mat-flat-button type="button" (click)="accept()" [disabled]="busy()" data-testid="confidentiality-accept">
        {{ 'confidentiality.accept' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ConfidentialityDialog {
  protected readonly data = inject<ConfidentialityDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ConfidentialityDialog, boolean>);
  private readonly api = inject(CasesApi);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async accept(): Promise<void> {
    this.busy.set(true);
    try {
      await this.api.acceptConfidentiality(this.data.networkId);
      this.ref.close(true);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
