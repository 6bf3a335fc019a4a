import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

@Component({
  selector: 'app-loading',
  imports: [MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `:host { display: flex; align-items: center; gap: 12px; padding: 24px 0; color: var(--mat-sys-on-surface-variant); }`,
  template: `<mat-spinner diameter="28" [attr.aria-label]="label()" /><span role="status">{{ label() }}</span>`,
})
export class Loading {
  readonly label = input.required<string>();
}
