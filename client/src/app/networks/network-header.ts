import { ChangeDetectionStrategy, Component, effect, inject, input, output, resource } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { CasesApi } from '../cases/cases-api';
import { ConfidentialityDialog, type ConfidentialityDialogData } from './confidentiality-dialog';
import { NetworksApi } from './networks-api';
import { can } from '@casustafel/contract/permissions';

/** Asked once per visit per network, so that the dialog does not return on every page. */
const askedThisVisit = new Set<string>();

/**
 * The top of every network page: name, kind, the viewer's role, the tabs, and, while the viewer has
 * not accepted the confidentiality statement, a banner that asks for it.
 */
@Component({
  selector: 'app-network-header',
  imports: [RouterLink, RouterLinkActive, MatTabsModule, MatButtonModule, MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; margin-bottom: 16px; }
    .meta { margin: 8px 0 12px; }
    .banner { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; padding: 12px 16px; margin: 12px 0; border-radius: 12px;
      background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    .banner p { margin: 0; flex: 1 1 320px; }
    /* The header's usual height while the network loads, so the page below does not jump down when it arrives. */
    .pending { height: 135px; }
    @media (max-width: 599px) { .pending { height: 173px; } }
  `,
  template: `
    @if (network.value(); as net) {
      <h1>{{ net.name }}</h1>
      <ul class="properties meta" [attr.aria-label]="'network.properties' | transloco">
        <li>{{ 'enum.networkKind.' + net.kind | transloco }}</li>
        <li>{{ net.area }}</li>
        @if (net.myRole) {
          <li>{{ 'network.yourRole' | transloco: { role: ('enum.role.' + net.myRole | transloco) } }}</li>
        }
      </ul>
      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'network.sections' | transloco">
        <a mat-tab-link [routerLink]="['/netwerken', net.id]" routerLinkActive #o="routerLinkActive" [routerLinkActiveOptions]="{ exact: true }" [active]="o.isActive">{{ (can(net.myRole ?? 'ADMIN', 'network.members') ? 'network.tabOverview' : 'network.tabAbout') | transloco }}</a>
        @if (can(net.myRole, 'case.list')) {
          <a mat-tab-link [routerLink]="['/netwerken', net.id, 'casussen']" routerLinkActive #c="routerLinkActive" [active]="c.isActive">{{ 'network.tabCases' | transloco }}</a>
          <a mat-tab-link [routerLink]="['/netwerken', net.id, 'overleggen']" routerLinkActive #mt="routerLinkActive" [active]="mt.isActive">{{ 'network.tabMeetings' | transloco }}</a>
          <a mat-tab-link [routerLink]="['/netwerken', net.id, 'vragen']" routerLinkActive #q="routerLinkActive" [active]="q.isActive">{{ 'network.tabQuestions' | transloco }}</a>
        }
        @if (can(net.myRole ?? 'ADMIN', 'covenant.read')) {
          <a mat-tab-link [routerLink]="['/netwerken', net.id, 'convenant']" routerLinkActive #v="routerLinkActive" [active]="v.isActive">{{ 'network.tabCovenant' | transloco }}</a>
        }
        @if (can(net.myRole, 'network.figures')) {
          <a mat-tab-link [routerLink]="['/netwerken', net.id, 'cijfers']" routerLinkActive #f="routerLinkActive" [active]="f.isActive" data-testid="tab-figures">{{ 'network.tabFigures' | transloco }}</a>
        }
        @if (can(net.myRole, 'accessLog.read')) {
          <a mat-tab-link [routerLink]="['/netwerken', net.id, 'logboek']" routerLinkActive #l="routerLinkActive" [active]="l.isActive">{{ 'network.tabLog' | transloco }}</a>
        }
      </nav>
      <mat-tab-nav-panel #panel />
      @if (net.myRole && confidentiality.value(); as conf) {
        @if (!conf.valid) {
          <div class="banner" role="status" data-testid="confidentiality-banner">
            <mat-icon aria-hidden="true">lock</mat-icon>
            <p>{{ 'confidentiality.banner' | transloco }}</p>
            <button mat-flat-button type="button" (click)="ask()">{{ 'confidentiality.open' | transloco }}</button>
          </div>
        }
      }
    } @else if (network.isLoading()) {
      <div class="pending" aria-hidden="true"></div>
    }
  `,
})
export class NetworkHeader {
  /** What the viewer may do, from the one access table (contract/permissions.ts) that the API enforces. */
  protected readonly can = can;
  private readonly networksApi = inject(NetworksApi);
  private readonly casesApi = inject(CasesApi);
  private readonly dialog = inject(MatDialog);

  readonly networkId = input.required<string>();
  /** Emitted after the viewer accepted the statement: pages reload what they show. */
  readonly accepted = output<void>();

  protected readonly network = resource({
    params: () => ({ id: this.networkId() }),
    loader: ({ params }) => this.networksApi.get(params.id),
  });
  protected readonly confidentiality = resource({
    // Only who may accept it is asked to: not the municipality, which sees no identity (ADR 0019).
    params: () => (can(this.network.value()?.myRole ?? null, 'confidentiality.accept') ? { id: this.networkId() } : undefined),
    loader: ({ params }) => this.casesApi.confidentiality(params.id),
  });

  constructor() {
    // The client asks for the statement on the first network page of a visit.
    effect(() => {
      const conf = this.confidentiality.value();
      const id = this.networkId();
      if (conf && !conf.valid && !askedThisVisit.has(id)) {
        askedThisVisit.add(id);
        queueMicrotask(() => this.ask());
      }
    });
  }

  protected async ask(): Promise<void> {
    const net = this.network.value();
    const conf = this.confidentiality.value();
    if (!net || !conf) return;
    const ref = this.dialog.open<ConfidentialityDialog, ConfidentialityDialogData, boolean>(ConfidentialityDialog, {
      data: { networkId: net.id, networkName: net.name, statement: conf.statement },
      width: '560px',
    });
    ref.afterClosed().subscribe((accepted) => {
      if (!accepted) return;
      this.confidentiality.reload();
      this.accepted.emit();
    });
  }
}
