import { ChangeDetectionStrategy, Component, inject, input, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AccessLogVerification } from '@casustafel/contract/access-log';
import { CasesApi } from '../cases/cases-api';
import { AppDatePipe } from '../ui/app-date.pipe';
import { EmptyState } from '../ui/empty-state';
import { Loading } from '../ui/loading';
import { NetworkHeader } from './network-header';

/** The coordinator's view of the access log: who saw which case at which level, and whether the chain is intact. */
@Component({
  selector: 'app-access-log-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, MatTableModule, TranslocoPipe, AppDatePipe, EmptyState, Loading, NetworkHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 12px; }
    .ok { color: var(--mat-sys-primary); }
    .broken { color: var(--mat-sys-error); font-weight: 500; }
  `,
  template: `
    <div class="page">
      <app-network-header [networkId]="id()" />
      <h2>{{ 'log.title' | transloco }}</h2>
      <p class="lead">{{ 'log.lead' | transloco }}</p>
      <div class="toolbar">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'log.filterCase' | transloco }}</mat-label>
          <mat-select [ngModel]="caseId()" (ngModelChange)="caseId.set($event)">
            <mat-option [value]="undefined">{{ 'log.allCases' | transloco }}</mat-option>
            @for (c of cases.value()?.items ?? []; track c.id) { <mat-option [value]="c.id">{{ c.number }} · {{ c.pseudonym }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="verify()" data-testid="log-verify"><mat-icon>verified</mat-icon>{{ 'log.verify' | transloco }}</button>
        @if (verification(); as v) {
          <span role="status" [class]="v.ok ? 'ok' : 'broken'">
            {{ (v.ok ? 'log.intact' : 'log.broken') | transloco: { entries: v.entries, at: v.brokenAt } }}
          </span>
        }
        @if (caseId()) {
          <a mat-stroked-button [href]="'/api/cases/' + caseId() + '/access-report.pdf'" download><mat-icon>download</mat-icon>{{ 'case.accessReport' | transloco }}</a>
        }
      </div>
      @if (log.isLoading() && !log.value()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else if ((log.value() ?? []).length === 0) {
        <app-empty-state icon="history" [title]="'log.emptyTitle' | transloco" [text]="'log.emptyText' | transloco" />
      } @else {
        <div class="table-wrap">
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
            <ng-container matColumnDef="level">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'log.level' | transloco }}</th>
              <td mat-cell *matCellDef="let e">{{ e.level ? ('enum.level.' + e.level | transloco) : '' }}</td>
            </ng-container>
            <ng-container matColumnDef="ip">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'log.from' | transloco }}</th>
              <td mat-cell *matCellDef="let e">{{ e.ip }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
        </div>
      }
    </div>
  `,
})
export class AccessLogPage {
  private readonly api = inject(CasesApi);
  /** Route parameter: the network. */
  readonly id = input.required<string>();

  protected readonly columns = ['at', 'who', 'role', 'action', 'level', 'ip'];
  protected readonly caseId = signal<string | undefined>(undefined);
  protected readonly verification = signal<AccessLogVerification | null>(null);
  protected readonly cases = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.api.list(params.id, {}) });
  protected readonly log = resource({
    params: () => ({ id: this.id(), caseId: this.caseId() }),
    loader: ({ params }) => this.api.accessLog(params.id, params.caseId),
  });

  protected async verify(): Promise<void> {
    this.verification.set(await this.api.verifyAccessLog(this.id()));
  }
}
