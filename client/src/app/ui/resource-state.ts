import { ChangeDetectionStrategy, Component, input, type Resource } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyState } from './empty-state';
import { Loading } from './loading';

/** A loaded list's four states in one place: loading, failed, empty (with what to do next), or the content. */
@Component({
  selector: 'app-resource-state',
  imports: [TranslocoPipe, EmptyState, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (resource().isLoading() && !resource().hasValue()) {
      <app-loading [label]="'state.loading' | transloco" />
    } @else if (resource().error()) {
      <p class="error-text" role="alert">{{ 'state.loadFailed' | transloco }}</p>
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
}
