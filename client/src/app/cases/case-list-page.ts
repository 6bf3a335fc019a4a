import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, OnInit, resource } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseListQuery } from '@casustafel/contract/cases';
import { CASE_STATUSES, PROBLEM_AREAS, URGENCIES } from '@casustafel/contract/enums';
import { can } from '@casustafel/contract/permissions';
import { Session } from '../core/session';
import { NetworkHeader } from '../networks/network-header';
import { AppDatePipe } from '../ui/app-date.pipe';
import { EmptyState } from '../ui/empty-state';
import { Loading } from '../ui/loading';
import { loadFailureKey } from '../ui/resource-state';
import { CasesApi } from './cases-api';

/** The network's cases, each at the viewer's level; filters and search. */
@Component({
  selector: 'app-case-list-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
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
    .toolbar { display: flex; justify-content: space-between; align-items: center; gap: 12px; flex-wrap: wrap; margin: 8px 0 16px; }
    .filters { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 12px; }
    .filters mat-form-field { flex: 1 1 170px; }
    /* Level with the fields (56 px) beside it, whose hints would otherwise stretch every field in the row. */
    .filters > button { margin-top: 8px; }
    .urgency-ACUTE, .urgency-HIGH { font-weight: 500; color: var(--mat-sys-error); }
    td a { font-weight: 500; }
  `,
  template: `
    <div class="page">
      <app-network-header [networkId]="id()" (accepted)="cases.reload()" />
      <div class="toolbar">
        <h2>{{ 'cases.title' | transloco }}</h2>
        @if (mayBringIn()) {
          <a mat-flat-button [routerLink]="['/netwerken', id(), 'casussen', 'nieuw']" data-testid="new-case"><mat-icon>add</mat-icon>{{ 'cases.new' | transloco }}</a>
        }
      </div>
      <form class="filters" (ngSubmit)="apply()" role="search" [attr.aria-label]="'cases.filters' | transloco">
        <mat-form-field>
          <mat-label>{{ 'cases.search' | transloco }}</mat-label>
          <input matInput name="q" [(ngModel)]="q" />
          <mat-hint>{{ 'cases.searchHint' | transloco }}</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'field.status' | transloco }}</mat-label>
          <mat-select name="status" [(ngModel)]="status" (selectionChange)="apply()">
            <mat-option [value]="undefined">{{ 'cases.all' | transloco }}</mat-option>
            @for (s of statuses; track s) { <mat-option [value]="s">{{ 'enum.caseStatus.' + s | transloco }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'field.urgency' | transloco }}</mat-label>
          <mat-select name="urgency" [(ngModel)]="urgency" (selectionChange)="apply()">
            <mat-option [value]="undefined">{{ 'cases.all' | transloco }}</mat-option>
            @for (u of urgencies; track u) { <mat-option [value]="u">{{ 'enum.urgency.' + u | transloco }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'field.problemArea' | transloco }}</mat-label>
          <mat-select name="problemArea" [(ngModel)]="problemArea" (selectionChange)="apply()">
            <mat-option [value]="undefined">{{ 'cases.all' | transloco }}</mat-option>
            @for (p of problemAreas; track p) { <mat-option [value]="p">{{ 'enum.problemArea.' + p | transloco }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'field.neighbourhood' | transloco }}</mat-label>
          <input matInput name="neighbourhood" [(ngModel)]="neighbourhood" />
        </mat-form-field>
        <button mat-stroked-button type="submit">{{ 'cases.apply' | transloco }}</button>
      </form>

      @if (cases.isLoading() && !cases.value()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else if (cases.error()) {
        <p class="error-text" role="alert">{{ failure(cases.error()) | transloco }}</p>
      } @else if (cases.value(); as list) {
        @if (list.total === 0) {
          <app-empty-state icon="folder_open" [title]="'cases.emptyTitle' | transloco" [text]="'cases.emptyText' | transloco" />
        } @else {
          <div class="table-wrap">
            <table mat-table [dataSource]="list.items" data-testid="cases-table">
              <caption class="visually-hidden">{{ 'cases.title' | transloco }}</caption>
              <ng-container matColumnDef="number">
                <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.caseNumber' | transloco }}</th>
                <td mat-cell *matCellDef="let c"><a [routerLink]="['/casussen', c.id]">{{ c.number }}</a></td>
              </ng-container>
              <ng-container matColumnDef="client">
                <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.client' | transloco }}</th>
                <td mat-cell *matCellDef="let c">{{ c.client.displayName }}</td>
              </ng-container>
              <ng-container matColumnDef="status">
                <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.status' | transloco }}</th>
                <td mat-cell *matCellDef="let c">{{ 'enum.caseStatus.' + c.status | transloco }}</td>
              </ng-container>
              <ng-container matColumnDef="urgency">
                <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.urgency' | transloco }}</th>
                <td mat-cell *matCellDef="let c" [class]="'urgency-' + c.urgency">{{ 'enum.urgency.' + c.urgency | transloco }}</td>
              </ng-container>
              <ng-container matColumnDef="neighbourhood">
                <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.neighbourhood' | transloco }}</th>
                <td mat-cell *matCellDef="let c">{{ c.client.neighbourhood }}</td>
              </ng-container>
              <ng-container matColumnDef="createdAt">
                <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.submittedOn' | transloco }}</th>
                <td mat-cell *matCellDef="let c">{{ c.createdAt | appDate }}</td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
            </table>
          </div>
          <mat-paginator [length]="list.total" [pageSize]="list.pageSize" [pageIndex]="list.page - 1" (page)="goTo($event)" [hidePageSize]="true"
            [attr.aria-label]="'cases.pages' | transloco" />
        }
      }
    </div>
  `,
})
export class CaseListPage implements OnInit {
  private readonly api = inject(CasesApi);
  private readonly session = inject(Session);
  /** Route parameter: the network. */
  readonly id = input.required<string>();
  /** Only a role that may bring in a case is offered the button (the municipality typing this address is not). */
  protected readonly mayBringIn = computed(() => can(this.session.networks().find((n) => n.id === this.id())?.role ?? null, 'case.create'));
  protected readonly failure = loadFailureKey;
  /** Query parameter `?status=SUBMITTED`: the list opens filtered (the work queue links to the cases to triage). */
  readonly initialStatus = input<CaseListQuery['status'] | undefined>(undefined, { alias: 'status' });

  protected readonly statuses = CASE_STATUSES;
  protected readonly urgencies = URGENCIES;
  protected readonly problemAreas = PROBLEM_AREAS;
  protected readonly columns = ['number', 'client', 'status', 'urgency', 'neighbourhood', 'createdAt'];

  protected q = '';
  protected status?: CaseListQuery['status'];
  protected urgency?: CaseListQuery['urgency'];
  protected problemArea?: CaseListQuery['problemArea'];
  protected neighbourhood = '';
  private readonly query = linkedSignal<CaseListQuery>(() => {
    const status = this.initialStatus();
    return status && (CASE_STATUSES as readonly string[]).includes(status) ? { status } : {};
  });

  protected readonly cases = resource({
    params: () => ({ id: this.id(), query: this.query() }),
    loader: ({ params }) => this.api.list(params.id, params.query),
  });

  ngOnInit(): void {
    this.status = this.query().status;
  }

  protected apply(): void {
    this.query.set({
      q: this.q.trim() || undefined,
      status: this.status,
      urgency: this.urgency,
      problemArea: this.problemArea,
      neighbourhood: this.neighbourhood.trim() || undefined,
    });
  }

  protected goTo(event: PageEvent): void {
    this.query.update((q) => ({ ...q, page: event.pageIndex + 1 }));
  }
}
