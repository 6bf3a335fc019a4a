import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** What an empty list says: what is missing and what to do next (the action goes in the content). */
@Component({
  selector: 'app-empty-state',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; text-align: center; padding: 32px 16px; border: 1px dashed var(--mat-sys-outline-variant); border-radius: 12px; }
    mat-icon { font-size: 40px; width: 40px; height: 40px; color: var(--mat-sys-primary); }
    h3 { font: var(--mat-sys-title-medium); margin: 8px 0 4px; }
    p { margin: 0 0 12px; color: var(--mat-sys-on-surface-variant); }
  `,
  template: `
    <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
    <h3>{{ title() }}</h3>
    <p>{{ text() }}</p>
    <ng-content />
  `,
})
export class EmptyState {
  readonly icon = input('info');
  readonly title = input.required<string>();
  readonly text = input.required<string>();
}
