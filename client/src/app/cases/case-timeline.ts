import { ChangeDetectionStrategy, Component, inject, input, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AppDatePipe } from '../ui/app-date.pipe';
import { CasesApi } from './cases-api';

/**
 * "Geschiedenis": what happened to the case, oldest first — intake, the question it came from, status
 * changes with their reasons, the meetings that discussed it with their decisions (when this viewer may
 * read that meeting's record), and its actions — as an ordered list with a `<time>` per entry.
 */
@Component({
  selector: 'app-case-timeline',
  imports: [RouterLink, TranslocoPipe, AppDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; }
    ol { list-style: none; margin: 0; padding: 0 0 0 20px; border-left: 2px solid var(--mat-sys-outline-variant); }
    li { position: relative; margin: 0 0 16px; padding-left: 12px; }
    li::before { content: ''; position: absolute; left: -28px; top: 6px; width: 12px; height: 12px; border-radius: 50%; background: var(--mat-sys-primary); }
    time { display: block; font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    p { margin: 2px 0; }
    .pre { white-space: pre-wrap; }
    .muted { color: var(--mat-sys-on-surface-variant); font-style: italic; }
    .overdue { color: var(--mat-sys-error); font-weight: 500; }
  `,
  template: `
    @if (timeline.isLoading() && !timeline.hasValue()) {
      <p role="status">{{ 'state.loading' | transloco }}</p>
    } @else if (timeline.error()) {
      <p class="error-text" role="alert">{{ 'timeline.failed' | transloco }}</p>
    } @else if ((timeline.value()?.entries ?? []).length === 0) {
      <p>{{ 'timeline.empty' | transloco }}</p>
    } @else {
      <ol data-testid="case-timeline">
        @for (entry of timeline.value()?.entries ?? []; track $index) {
          <li [attr.data-kind]="entry.kind">
            <time [attr.datetime]="entry.at">{{ entry.at | appDate: 'dateTime' }}</time>
            @switch (entry.kind) {
              @case ('INTAKE') {
                <p>{{ 'timeline.intake' | transloco: { organisation: entry.organisation.name } }}</p>
              }
              @case ('FROM_QUESTION') {
                <p>{{ 'timeline.fromQuestion' | transloco }} <a [routerLink]="['/vragen', entry.question.id]">{{ entry.question.title }}</a></p>
              }
              @case ('STATUS') {
                <p>
                  @if (entry.from) {
                    {{ 'timeline.statusChanged' | transloco: { from: ('enum.caseStatus.' + entry.from | transloco), to: ('enum.caseStatus.' + entry.to | transloco) } }}
                  } @else {
                    {{ 'timeline.statusSet' | transloco: { to: ('enum.caseStatus.' + entry.to | transloco) } }}
                  }
                  @if (entry.by) { {{ 'timeline.by' | transloco: { who: entry.by } }} }
                </p>
                @if (entry.reason) { <p class="pre">{{ 'timeline.reason' | transloco }}: {{ entry.reason }}</p> }
              }
              @case ('MEETING') {
                <p>
                  <a [routerLink]="['/overleggen', entry.meeting.id]">{{ 'timeline.meeting' | transloco: { date: (entry.meeting.startsAt | appDate: 'dateTime') } }}</a>
                  ({{ 'enum.meetingStatus.' + entry.meeting.status | transloco }})
                </p>
                @if (entry.decisions === null) {
                  <p class="muted" data-testid="decisions-hidden">{{ 'timeline.decisionsHidden' | transloco }}</p>
                } @else if (entry.decisions.trim() === '') {
                  <p class="muted">{{ 'timeline.noDecisions' | transloco }}</p>
                } @else {
                  <p class="pre"><strong>{{ 'timeline.decisions' | transloco }}:</strong> {{ entry.decisions }}</p>
                }
              }
              @case ('ACTION') {
                <p><strong>{{ 'timeline.action' | transloco }}:</strong> {{ entry.action.description }}</p>
                <p>
                  {{ entry.action.owner.organisation.name }}@if (entry.action.owner.user) { ({{ entry.action.owner.user.name }}) }
                  · {{ 'timeline.due' | transloco: { date: (entry.action.dueDate | appDate) } }}
                  · {{ 'enum.actionStatus.' + entry.action.status | transloco }}
                  @if (entry.action.overdue) { · <span class="overdue">{{ 'actions.overdue' | transloco }}</span> }
                </p>
              }
            }
          </li>
        }
      </ol>
    }
  `,
})
export class CaseTimeline {
  private readonly api = inject(CasesApi);
  readonly caseId = input.required<string>();
  /** Changes when the case changed (a new status): the history is loaded again. */
  readonly revision = input<unknown>(null);

  protected readonly timeline = resource({
    params: () => ({ id: this.caseId(), revision: this.revision() }),
    loader: ({ params }) => this.api.timeline(params.id),
  });
}
