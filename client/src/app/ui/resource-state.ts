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
      <p class="error-text" role="alert" data-testid="load-failed">{{ (refused() ? 'state.refused' : 'state.loadFailed') | transloco }}</p>
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
  protected readonly refused = computed(() => statusOf(this.resource().error()) === 403);
}

/** The HTTP status of a failed load: Angular's resource keeps a thrown HttpErrorResponse as is or as the cause of its wrapper. */
function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; cause?: { status?: unknown } } | undefined;
  const status = e?.status ?? e?.cause?.status;
  return typeof status === 'number' ? status : undefined;
}
