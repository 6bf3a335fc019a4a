import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FormSubmit } from './form-submit';

/** One line of the summary: the field's label, what to fix, and the element that receives focus. */
export interface ErrorSummaryItem {
  targetId: string;
  label: string;
  message: string;
}

let nextId = 0;

/**
 * The error summary at the top of a form (NL Design System / GOV.UK pattern). Put it inside the form:
 * `<app-error-summary [submit]="submission" />`. After every failed attempt it lists the errors the
 * fields show — each `mat-error` in a `mat-form-field`, and each element with `data-error-for="<id>"`
 * (and `data-error-label`) for fields outside one, such as a radio group — as links that move focus to
 * the field, with the sentence that belongs to no field (the server's message) above them, and takes
 * focus itself so that a screen reader reads it.
 */
@Component({
  selector: 'app-error-summary',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; }
    .summary { border: 3px solid var(--mat-sys-error); border-radius: 12px; padding: 12px 16px; margin: 0 0 16px; background: var(--mat-sys-surface); }
    .summary:focus { outline: 3px solid var(--mat-sys-primary); outline-offset: 2px; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; color: var(--mat-sys-error); }
    p { margin: 0 0 8px; }
    ul { margin: 0; padding-left: 20px; }
    a { color: var(--mat-sys-error); font-weight: 500; }
  `,
  template: `
    @if (submit().failures() > 0 && (items().length > 0 || submit().error())) {
      <div class="summary" role="alert" tabindex="-1" [attr.aria-labelledby]="headingId" data-testid="error-summary" #box>
        <h2 [id]="headingId">{{ 'errorSummary.title' | transloco }}</h2>
        @if (submit().error(); as message) { <p data-testid="error-summary-message">{{ message }}</p> }
        @if (items().length > 0) {
          <p>{{ 'errorSummary.checkFields' | transloco }}</p>
          <ul>
            @for (item of items(); track item.targetId) {
              <li><a [href]="'#' + item.targetId" (click)="moveFocus($event, item)">{{ item.label }}: {{ item.message }}</a></li>
            }
          </ul>
        }
      </div>
    }
  `,
})
export class ErrorSummary {
  readonly submit = input.required<FormSubmit>();
  protected readonly headingId = `error-summary-${nextId++}`;
  protected readonly items = signal<ErrorSummaryItem[]>([]);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor() {
    effect(() => {
      if (this.submit().failures() === 0) return;
      untracked(() =>
        afterNextRender(
          () => {
            this.items.set(this.collect());
            afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('.summary')?.focus(), { injector: this.injector });
          },
          { injector: this.injector },
        ),
      );
    });
  }

  protected moveFocus(event: Event, item: ErrorSummaryItem): void {
    event.preventDefault();
    const target = this.host.nativeElement.ownerDocument.getElementById(item.targetId);
    if (!target) return;
    const focusable = target.matches('input, textarea, select, button, [tabindex]')
      ? target
      : (target.querySelector<HTMLElement>('input, textarea, select, button, [tabindex]') ?? target);
    focusable.scrollIntoView?.({ block: 'center' });
    focusable.focus();
  }

  private scope(): HTMLElement {
    return this.host.nativeElement.closest('form') ?? this.host.nativeElement.parentElement ?? this.host.nativeElement;
  }

  /** The errors the form shows now, in the order of the form. */
  private collect(): ErrorSummaryItem[] {
    const items: ErrorSummaryItem[] = [];
    for (const error of Array.from(this.scope().querySelectorAll<HTMLElement>('mat-error, [data-error-for]'))) {
      const message = error.textContent?.trim() ?? '';
      if (!message) continue;
      const forId = error.getAttribute('data-error-for');
      if (forId) {
        items.push({ targetId: forId, label: error.getAttribute('data-error-label') ?? '', message });
        continue;
      }
      const field = error.closest('mat-form-field');
      const control = field?.querySelector<HTMLElement>('input, textarea, mat-select, select');
      if (!field || !control) continue;
      if (!control.id) control.id = `field-${nextId++}`;
      const label = field.querySelector('mat-label')?.textContent?.trim() ?? '';
      items.push({ targetId: control.id, label, message });
    }
    return items.filter((item, i) => items.findIndex((other) => other.targetId === item.targetId) === i);
  }
}
