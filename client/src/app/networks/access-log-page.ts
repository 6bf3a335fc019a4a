import { ChangeDetectionStrategy, Component, computed, inject, input, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AccessLogEntryView, AccessLogVerification } from '@casustafel/contract/access-log';
import {
  ACCESS_ACTIONS,
  ACCESS_LOG_MAX_PAGE_SIZE,
  ACCESS_LOG_PAGE_SIZE,
  ACCESS_OUTCOMES,
  type AccessAction,
  type AccessOutcome,
} from '@casustafel/contract/access-log-rules';
import { CasesApi } from '../cases/cases-api';
import { AppDatePipe } from '../ui/app-date.pipe';
import { EmptyState } from '../ui/empty-state';
import { Loading } from '../ui/loading';
import { NetworkHeader } from './network-header';

/**
 * The coordinator's view of the access log: who saw or tried to see what, who changed who may see
 * what, and whether the chain is intact. Filters (case, action, outcome, period) run on the server.
 */
@Component({
  selector: 'app-access-log-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    AppDatePipe,
    EmptyState,
    Loading,
    NetworkHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .purpose { color: var(--mat-sys-on-surface-variant); max-width: 320px; white-space: pre-wrap; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 12px; }
    .filters mat-form-field { width: 200px; }
    .ok { color: var(--mat-sys-primary); }
    .broken { color: var(--mat-sys-error); font-weight: 500; }
    .denied { color: var(--mat-sys-error); font-weight: 500; }
    .more { margin-top: 12px; }
  `,
  template: `
    <div class="page">
      <app-network-header [networkId]="id()" />
      <h2>{{ 'log.title' | transloco }}</h2>
      <p class="lead">{{ 'log.lead' | transloco }}</p>
      <div class="toolbar filters" role="group" [attr.aria-label]="'log.filters' | transloco">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'log.filterCase' | transloco }}</mat-label>
          <mat-select [ngModel]="caseId()" (ngModelChange)="caseId.set($event)" data-testid="log-filter-case">
            <mat-option [value]="undefined">{{ 'log.allCases' | transloco }}</mat-option>
            @for (c of cases.value()?.items ?? []; track c.id) { <mat-option [value]="c.id">{{ c.number }} · {{ c.pseudonym }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'log.filterAction' | transloco }}</mat-label>
          <mat-select [ngModel]="action()" (ngModelChange)="action.set($event)" data-testid="log-filter-action">
            <mat-option [value]="undefined">{{ 'log.allActions' | transloco }}</mat-option>
            @for (a of actions; track a) { <mat-option [value]="a">{{ 'enum.accessAction.' + a | transloco }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'log.filterOutcome' | transloco }}</mat-label>
          <mat-select [ngModel]="outcome()" (ngModelChange)="outcome.set($event)" data-testid="log-filter-outcome">
            <mat-option [value]="undefined">{{ 'log.allOutcomes' | transloco }}</mat-option>
            @for (o of outcomes; track o) { <mat-option [value]="o">{{ 'enum.accessOutcome.' + o | transloco }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'log.periodFrom' | transloco }}</mat-label>
          <input matInput type="date" [ngModel]="from()" (ngModelChange)="from.set($event || undefined)" data-testid="log-filter-from" />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'log.periodTo' | transloco }}</mat-label>
          <input matInput type="date" [ngModel]="to()" (ngModelChange)="to.set($event || undefined)" data-testid="log-filter-to" />
        </mat-form-field>
        @if (filtered()) {
          <button mat-button type="button" (click)="clearFilters()" data-testid="log-filter-clear"><mat-icon>filter_alt_off</mat-icon>{{ 'log.clearFilters' | transloco }}</button>
        }
      </div>
      <div class="toolbar">
        <button mat-stroked-button type="button" (click)="verify()" data-testid="log-verify"><mat-icon>verified</mat-icon>{{ 'log.verify' | transloco }}</button>
        @if (verification(); as v) {
          <span role="status" [class]="v.ok ? 'ok' : 'broken'" data-testid="log-verification">
            @if (v.ok) {
              {{ 'log.intact' | transloco: { entries: v.entries } }}
            } @else if (v.brokenAt) {
              {{ 'log.broken' | transloco: { at: v.brokenAt } }} {{ v.reason }}
            } @else {
              {{ 'log.brokenAnchor' | transloco }} {{ v.reason }}
            }
          </span>
        }
        @if (caseId()) {
          <a mat-stroked-button [href]="'/api/cases/' + caseId() + '/access-report.pdf'" download><mat-icon>download</mat-icon>{{ 'case.accessReport' | transloco }}</a>
        }
      </div>
      @if (log.isLoading() && !log.value()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else if (log.error()) {
        <app-empty-state icon="error" [title]="'log.errorTitle' | transloco" [text]="'log.errorText' | transloco">
          <button mat-stroked-button type="button" (click)="log.reload()">{{ 'log.retry' | transloco }}</button>
        </app-empty-state>
      } @else if ((log.value() ?? []).length === 0) {
        <app-empty-state icon="history" [title]="(filtered() ? 'log.noMatchTitle' : 'log.emptyTitle') | transloco" [text]="(filtered() ? 'log.noMatchText' : 'log.emptyText') | transloco" />
      } @else {
        <!-- Nine columns scroll sideways on a narrow screen: the region takes focus, so the keyboard scrolls it too. -->
        <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'log.title' | transloco">
          <table mat-table [dataSource]="log.value() ?? []" data-testid="log-table">
            <caption class="visually-hidden">{{ 'log.title' | transloco }}</caption>
            <ng-container matColumnDef="at">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'log.when' | transloco }}</th>
              <td mat-cell *matCellDef="let e">{{ e.at | appDate: 'dateTime' }}</td>
            </ng-container>
            <ng-container matColumnDef="who">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'log.who' | transloco }}</th>
              <td mat-cell *matCellDef="let e">{{ e.user?.name ?? ('log.system' | transloco) }}@if (e.organisation) { · {{ e.organisation.name }} }</td>
            </ng-container>
            <ng-container matColumnDef="role">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.role' | transloco }}</th>
              <td mat-cell *matCellDef="let e">{{ e.role ? ('enum.role.' + e.role | transloco) : '' }}</td>
            </ng-container>
            <ng-container matColumnDef="action">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'log.action' | transloco }}</th>
              <td mat-cell *matCellDef="let e">{{ 'enum.accessAction.' + e.action | transloco }}</td>
            </ng-container>
            <ng-container matColumnDef="outcome">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'log.outcome' | transloco }}</th>
              <td mat-cell *matCellDef="let e" [class.denied]="e.outcome === 'DENIED'">
                @if (e.outcome === 'DENIED') { <mat-icon inline aria-hidden="true">block</mat-icon> }
                {{ 'enum.accessOutcome.' + e.outcome | transloco }}
              </td>
            </ng-container>
            <ng-container matColumnDef="object">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'log.object' | transloco }}</th>
              <td mat-cell *matCellDef="let e">{{ describe(e) }}</td>
            </ng-container>
            <ng-container matColumnDef="level">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'log.level' | transloco }}</th>
              <td mat-cell *matCellDef="let e">{{ e.level ? ('enum.level.' + e.level | transloco) : '' }}</td>
            </ng-container>
            <ng-container matColumnDef="context">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'log.context' | transloco }}</th>
              <td mat-cell *matCellDef="let e">
                {{ e.context ? ('enum.context.' + e.context | transloco) : '' }}
                <!-- The purpose in the user's own words (a referral's reason, a "known elsewhere?" question, issue #14). -->
                @if (e.purpose) { <div class="purpose" data-testid="log-purpose">{{ e.purpose }}</div> }
              </td>
            </ng-container>
            <ng-container matColumnDef="ip">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'log.from' | transloco }}</th>
              <td mat-cell *matCellDef="let e">{{ e.ip }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
        </div>
        @if ((log.value() ?? []).length >= limit() && limit() < maxLimit) {
          <button mat-stroked-button type="button" class="more" (click)="showMore()" data-testid="log-more">{{ 'log.more' | transloco }}</button>
        }
      }
    </div>
  `,
})
export class AccessLogPage {
  private readonly api = inject(CasesApi);
  private readonly i18n = inject(TranslocoService);
  /** Route parameter: the network. */
  readonly id = input.required<string>();

  protected readonly columns = ['at', 'who', 'role', 'action', 'outcome', 'object', 'level', 'context', 'ip'];
  protected readonly actions = ACCESS_ACTIONS;
  protected readonly outcomes = ACCESS_OUTCOMES;
  protected readonly maxLimit = ACCESS_LOG_MAX_PAGE_SIZE;
  protected readonly caseId = signal<string | undefined>(undefined);
  protected readonly action = signal<AccessAction | undefined>(undefined);
  protected readonly outcome = signal<AccessOutcome | undefined>(undefined);
  protected readonly from = signal<string | undefined>(undefined);
  protected readonly to = signal<string | undefined>(undefined);
  protected readonly limit = signal(ACCESS_LOG_PAGE_SIZE);
  protected readonly filtered = computed(() => !!(this.caseId() || this.action() || this.outcome() || this.from() || this.to()));
  protected readonly verification = signal<AccessLogVerification | null>(null);
  protected readonly cases = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.api.list(params.id, {}) });
  /** Case id → "2026-014 · Linde", for the entries about a case (the pseudonym only). */
  private readonly caseLabels = computed(
    () => new Map((this.cases.value()?.items ?? []).map((c) => [c.id, `${c.number} · ${c.pseudonym}`])),
  );
  protected readonly log = resource({
    params: () => ({
      id: this.id(),
      query: {
        caseId: this.caseId(),
        action: this.action(),
        outcome: this.outcome(),
        from: this.from(),
        to: this.to(),
        limit: this.limit(),
      },
    }),
    loader: ({ params }) => this.api.accessLog(params.id, params.query),
  });

  protected async verify(): Promise<void> {
    this.verification.set(await this.api.verifyAccessLog(this.id()));
  }

  protected clearFilters(): void {
    this.caseId.set(undefined);
    this.action.set(undefined);
    this.outcome.set(undefined);
    this.from.set(undefined);
    this.to.set(undefined);
    this.limit.set(ACCESS_LOG_PAGE_SIZE);
  }

  protected showMore(): void {
    this.limit.update((n) => Math.min(n + ACCESS_LOG_PAGE_SIZE, ACCESS_LOG_MAX_PAGE_SIZE));
  }

  /** What the entry is about: the case by its pseudonym, another object by its kind, and whom an access change concerned. */
  protected describe(e: AccessLogEntryView): string {
    const parts: string[] = [];
    const concernsSubject = !!e.subject && (e.object?.type === 'USER' || e.object?.type === 'ORGANISATION');
    if (e.object && !concernsSubject) {
      const label = e.object.type === 'CASE' && e.object.id ? this.caseLabels().get(e.object.id) : undefined;
      parts.push(
        label ? `${this.i18n.translate('enum.accessObject.CASE')} ${label}` : this.i18n.translate(`enum.accessObject.${e.object.type}`),
      );
    }
    if (e.subject) {
      const who = [e.subject.user?.name, e.subject.organisation?.name].filter(Boolean).join(', ');
      if (who) parts.push(who);
      if (e.subject.role) parts.push(this.i18n.translate(`enum.role.${e.subject.role}`));
    }
    return parts.join(' · ');
  }
}
