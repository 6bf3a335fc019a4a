import { ChangeDetectionStrategy, Component, computed, inject, input, resource } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { QuestionView } from '@casustafel/contract/questions';
import { NetworkHeader } from '../networks/network-header';
import { AppDatePipe } from '../ui/app-date.pipe';
import { ResourceState } from '../ui/resource-state';
import { QuestionsApi } from './questions-api';

/** "Mijn vragen" for the asking organisation, and all questions (the coordinator's inbox: open ones first). */
@Component({
  selector: 'app-question-list-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, MatListModule, TranslocoPipe, AppDatePipe, NetworkHeader, ResourceState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .toolbar { display: flex; justify-content: space-between; align-items: center; gap: 12px; flex-wrap: wrap; }
    .status { font-weight: 500; }
    .status-SUBMITTED { color: var(--mat-sys-tertiary); }
    a.item { display: block; padding: 12px 16px; border-bottom: 1px solid var(--mat-sys-outline-variant); color: inherit; text-decoration: none; }
    a.item:hover, a.item:focus-visible { background: var(--mat-sys-surface-container); }
    a.item strong { display: block; }
    a.item span { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
  `,
  template: `
    <div class="page">
      <app-network-header [networkId]="id()" />
      <div class="toolbar">
        <h2>{{ 'questions.title' | transloco }}</h2>
        <a mat-flat-button [routerLink]="['/netwerken', id(), 'vragen', 'nieuw']" data-testid="new-question"><mat-icon>add</mat-icon>{{ 'questions.new' | transloco }}</a>
      </div>
      <app-resource-state [resource]="questions" [empty]="(questions.value() ?? []).length === 0" emptyIcon="forum"
        [emptyTitle]="'questions.emptyTitle' | transloco" [emptyText]="'questions.emptyText' | transloco">
        @if (mine().length > 0) {
          <h3>{{ 'questions.mine' | transloco }}</h3>
          <nav [attr.aria-label]="'questions.mine' | transloco" data-testid="my-questions">
            @for (q of mine(); track q.id) {
              <a class="item" [routerLink]="['/vragen', q.id]">
                <strong>{{ q.title }}</strong>
                <span><span [class]="'status status-' + q.status">{{ 'enum.questionStatus.' + q.status | transloco }}</span> · {{ q.createdAt | appDate }}@if (q.answer) { · {{ 'questions.answered' | transloco }} }</span>
              </a>
            }
          </nav>
        }
        <h3>{{ (isInbox() ? 'questions.inbox' : 'questions.all') | transloco }}</h3>
        <nav [attr.aria-label]="'questions.all' | transloco" data-testid="all-questions">
          @for (q of ordered(); track q.id) {
            <a class="item" [routerLink]="['/vragen', q.id]">
              <strong>{{ q.title }}</strong>
              <span><span [class]="'status status-' + q.status">{{ 'enum.questionStatus.' + q.status | transloco }}</span> · {{ q.submittedBy.label }} · {{ q.createdAt | appDate }}</span>
            </a>
          }
        </nav>
      </app-resource-state>
    </div>
  `,
})
export class QuestionListPage {
  private readonly api = inject(QuestionsApi);
  /** Route parameter: the network. */
  readonly id = input.required<string>();

  protected readonly questions = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.api.list(params.id) });
  protected readonly mine = computed(() => (this.questions.value() ?? []).filter((q) => q.submittedBy.isYourOrganisation));
  protected readonly isInbox = computed(() => (this.questions.value() ?? []).some((q) => q.can.answer));
  /** Open questions first: that is the coordinator's work list. */
  protected readonly ordered = computed(() => {
    const open = (q: QuestionView) => (q.status === 'SUBMITTED' || q.status === 'SCHEDULED' ? 0 : 1);
    return [...(this.questions.value() ?? [])].sort((a, b) => open(a) - open(b));
  });
}
