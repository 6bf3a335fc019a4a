import { ChangeDetectionStrategy, Component, computed, inject, input, resource } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeNetwork } from '@casustafel/contract/auth';
import { can } from '@casustafel/contract/permissions';
import { NetworksApi } from '../networks/networks-api';
import { AppDatePipe } from '../ui/app-date.pipe';

/**
 * One network's work for the viewer, from `GET /api/networks/:id/overview`: the coordinator's triage, next
 * meeting, overdue actions per organisation and minutes to approve; a partner's actions and the cases their
 * organisation brought in; a volunteer rep's questions with new answers. Each line links to the filtered list.
 */
@Component({
  selector: 'app-work-queue',
  imports: [RouterLink, MatButtonModule, MatCardModule, MatIconModule, TranslocoPipe, AppDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; }
    mat-card { height: 100%; }
    h2 { font: var(--mat-sys-title-large); margin: 0; }
    .role { color: var(--mat-sys-on-surface-variant); margin: 2px 0 12px; }
    ul.work { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 8px; }
    ul.work > li { display: flex; gap: 10px; align-items: flex-start; }
    ul.work mat-icon { flex: none; color: var(--mat-sys-primary); }
    li.urgent mat-icon, li.urgent .count { color: var(--mat-sys-error); }
    .count { font-weight: 600; }
    ul.per-organisation { margin: 4px 0 0; padding-left: 18px; }
    .done { color: var(--mat-sys-on-surface-variant); }
  `,
  template: `
    <mat-card appearance="outlined" [attr.data-testid]="'work-queue-' + network().id">
      <mat-card-content>
        <h2 [id]="headingId()">{{ network().name }}</h2>
        <p class="role">{{ 'enum.networkKind.' + network().kind | transloco }} · {{ 'enum.role.' + network().role | transloco }}</p>
        @if (!seesWork()) {
          <!-- The municipality (ADR 0019): no cases, questions, meetings or actions; only the network's figures. -->
          <p data-testid="wq-municipality">{{ 'workQueue.municipality' | transloco }}</p>
          <p><a mat-flat-button [routerLink]="['/netwerken', network().id, 'cijfers']" data-testid="wq-figures">
            <mat-icon>bar_chart</mat-icon>{{ 'workQueue.figures' | transloco }}
          </a></p>
        } @else if (overview.isLoading() && !overview.hasValue()) {
          <p role="status">{{ 'state.loading' | transloco }}</p>
        } @else if (overview.error()) {
          <p class="error-text">{{ 'workQueue.failed' | transloco }}</p>
        } @else if (overview.value(); as o) {
          <ul class="work" [attr.aria-labelledby]="headingId()">
            @if (role() === 'COORDINATOR') {
              <li [class.urgent]="o.casesToTriage > 0" data-testid="wq-triage">
                <mat-icon aria-hidden="true">inbox</mat-icon>
                <a [routerLink]="['/netwerken', o.networkId, 'casussen']" [queryParams]="{ status: 'SUBMITTED' }">
                  {{ 'workQueue.casesToTriage' | transloco: { n: o.casesToTriage } }}
                </a>
              </li>
              @if (o.referralsWaiting > 0) {
                <li class="urgent" data-testid="wq-referrals">
                  <mat-icon aria-hidden="true">move_down</mat-icon>
                  <a [routerLink]="['/netwerken', o.networkId]">
                    {{ 'workQueue.referralsWaiting' | transloco: { n: o.referralsWaiting } }}
                  </a>
                </li>
              }
              <li [class.urgent]="o.openQuestions > 0" data-testid="wq-open-questions">
                <mat-icon aria-hidden="true">help</mat-icon>
                <a [routerLink]="['/netwerken', o.networkId, 'vragen']">
                  {{ 'workQueue.openQuestions' | transloco: { n: o.openQuestions } }}
                </a>
              </li>
            }
            @if (role() === 'VOLUNTEER_REP' || isPartner()) {
              @if (o.questionsWithNewAnswers > 0 || role() === 'VOLUNTEER_REP') {
                <li [class.urgent]="o.questionsWithNewAnswers > 0" data-testid="wq-new-answers">
                  <mat-icon aria-hidden="true">mark_chat_unread</mat-icon>
                  <a [routerLink]="['/netwerken', o.networkId, 'vragen']">
                    {{ 'workQueue.newAnswers' | transloco: { n: o.questionsWithNewAnswers } }}
                  </a>
                </li>
              }
              @if (o.openQuestions > 0 || role() === 'VOLUNTEER_REP') {
                <li data-testid="wq-my-open-questions">
                  <mat-icon aria-hidden="true">help</mat-icon>
                  <a [routerLink]="['/netwerken', o.networkId, 'vragen']">
                    {{ 'workQueue.myOpenQuestions' | transloco: { n: o.openQuestions } }}
                  </a>
                </li>
              }
            }
            @if (role() !== 'COORDINATOR') {
              @if (o.overdueActions > 0 || o.actionsDueThisWeek > 0 || isPartner()) {
                <li [class.urgent]="o.overdueActions > 0" data-testid="wq-my-actions">
                  <mat-icon aria-hidden="true">task_alt</mat-icon>
                  <a routerLink="/acties">
                    {{ 'workQueue.myActions' | transloco: { overdue: o.overdueActions, week: o.actionsDueThisWeek } }}
                  </a>
                </li>
              }
              @if (isPartner()) {
                <li data-testid="wq-submitted-cases">
                  <mat-icon aria-hidden="true">folder_shared</mat-icon>
                  <a [routerLink]="['/netwerken', o.networkId, 'casussen']">
                    {{ 'workQueue.submittedCases' | transloco: { n: o.submittedCasesOpen } }}
                  </a>
                </li>
              }
            } @else {
              <li [class.urgent]="o.overdueActions > 0" data-testid="wq-overdue">
                <mat-icon aria-hidden="true">alarm</mat-icon>
                <div>
                  {{ 'workQueue.overdueActions' | transloco: { n: o.overdueActions } }}
                  @if (o.overdueByOrganisation.length > 0) {
                    <ul class="per-organisation">
                      @for (row of o.overdueByOrganisation; track row.organisation.id) {
                        <li>{{ row.organisation.name }}: {{ row.count }}</li>
                      }
                    </ul>
                  }
                </div>
              </li>
            }
            @if (o.minutesAwaitingApproval > 0 || role() === 'COORDINATOR') {
              <li [class.urgent]="o.minutesAwaitingApproval > 0" data-testid="wq-minutes">
                <mat-icon aria-hidden="true">description</mat-icon>
                <a [routerLink]="['/netwerken', o.networkId, 'overleggen']">
                  {{ (role() === 'COORDINATOR' ? 'workQueue.minutesToApprove' : 'workQueue.minutesToComment') | transloco: { n: o.minutesAwaitingApproval } }}
                </a>
              </li>
            }
            <li data-testid="wq-next-meeting">
              <mat-icon aria-hidden="true">event</mat-icon>
              @if (o.nextMeeting; as m) {
                <a [routerLink]="['/overleggen', m.id]">
                  {{ 'workQueue.nextMeeting' | transloco: { when: (m.startsAt | appDate: 'dateTime') } }}
                  @if (role() === 'COORDINATOR') {
                    · {{ (m.agendaReady ? 'workQueue.agendaReady' : 'workQueue.agendaToDo') | transloco }}
                  }
                </a>
              } @else {
                <span>{{ 'workQueue.noMeeting' | transloco }}</span>
                @if (role() === 'COORDINATOR') {
                  · <a [routerLink]="['/netwerken', o.networkId, 'overleggen']">{{ 'workQueue.planMeeting' | transloco }}</a>
                }
              }
            </li>
          </ul>
          @if (nothingToDo()) {
            <p class="done">{{ 'workQueue.nothingToDo' | transloco }}</p>
          }
        }
      </mat-card-content>
      <mat-card-actions>
        <a mat-button [routerLink]="['/netwerken', network().id]">{{ 'home.openNetwork' | transloco }}</a>
        @if (seesWork() && seesFigures()) {
          <a mat-button [routerLink]="['/netwerken', network().id, 'cijfers']" data-testid="wq-figures">{{ 'workQueue.figures' | transloco }}</a>
        }
      </mat-card-actions>
    </mat-card>
  `,
})
export class WorkQueue {
  private readonly api = inject(NetworksApi);
  readonly network = input.required<MeNetwork>();

  /** Whether the role has work here at all (the municipality has none: it sees figures only). */
  protected readonly seesWork = computed(() => can(this.network().role, 'network.overview'));
  /** The network's figures: the coordinator, core partners and the municipality (whose only link it is). */
  protected readonly seesFigures = computed(() => can(this.network().role, 'network.figures'));
  protected readonly overview = resource({
    params: () => (this.seesWork() ? { id: this.network().id } : undefined),
    loader: ({ params }) => this.api.overview(params.id),
  });
  /** The role the server answered for (the overview's), else the one from the session. */
  protected readonly role = computed(() => this.overview.value()?.role ?? this.network().role);
  protected readonly isPartner = computed(() => this.role() === 'CORE_PARTNER' || this.role() === 'SHELL_PARTNER');
  protected readonly headingId = computed(() => `work-queue-${this.network().id}`);
  protected readonly nothingToDo = computed(() => {
    const o = this.overview.value();
    if (!o) return false;
    return (
      o.casesToTriage +
        o.referralsWaiting +
        o.openQuestions +
        o.questionsWithNewAnswers +
        o.overdueActions +
        o.actionsDueThisWeek +
        o.minutesAwaitingApproval ===
      0
    );
  });
}
