import { ChangeDetectionStrategy, Component, computed, input, type Resource } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState } from './empty-state';
import { Loading } from './loading';

/**
 * A loaded list's four states in one place: loading, failed, empty (with what to do next), or the content.
 * A refusal (403: the role may not see this list, e.g. the municipality typing the case list's address)
 * says so instead of asking to reload.
 */
@Component({
  selector: 'app-resource-state',
  imports: [TranslocoPipe, EmptyState, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (resource().isLoading() && !resource().hasValue()) {
      <app-loading [label]="'state.loading' | transloco" />
    } @else if (resource().error()) {
      <p class="error-text" role="alert" data-testid="load-failed">{{ failure() | transloco }}</p>
    } @else if (empty()) {
      <app-empty-state [icon]="emptyIcon()" [title]="emptyTitle()" [text]="emptyText()" />
    } @else {
      <ng-content />
    }
  `,
})
export class ResourceState {
  readonly resource = input.required<Resource<unknown>>();
  readonly empty = input.required<boolean>();
  readonly emptyIcon = input('info');
  readonly emptyTitle = input.required<string>();
  readonly emptyText = input.required<string>();
  protected readonly failure = computed(() => loadFailureKey(this.resource().error()));
}

/**
 * What to say about a failed load (a translation key): a refusal (403) is not for this role; anything else
 * may pass, so reload. Angular's resource keeps a thrown HttpErrorResponse as is or as the cause of its wrapper.
 */
export function loadFailureKey(error: unknown): 'state.refused' | 'state.loadFailed' {
  const e = error as { status?: unknown; cause?: { status?: unknown } } | undefined;
  return (e?.status ?? e?.cause?.status) === 403 ? 'state.refused' : 'state.loadFailed';
}
