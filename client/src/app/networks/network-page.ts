import { ChangeDetectionStrategy, Component, computed, HostListener, inject, input, resource, signal } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AccessLogEntryView } from '@casustafel/contract/access-log';
import { CAPACITY_KINDS, NETWORK_ROLES, RINGS, type NetworkRole, type Ring } from '@casustafel/contract/enums';
import type { MemberView, RoleView } from '@casustafel/contract/networks';
import { AdminApi } from '../admin/admin-api';
import { Session } from '../core/session';
import { AppDatePipe } from '../ui/app-date.pipe';
import { confirmAction } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { ErrorSummary } from '../ui/error-summary';
import { ErrorTextPipe } from '../ui/error-text.pipe';
import { FormSubmit } from '../ui/form-submit';
import { warnBeforeUnload, type HoldsUnsavedInput } from '../ui/unsaved-input';
import { WorkQueue } from '../home/work-queue';
import { Loading } from '../ui/loading';
import { NetworkHeader } from './network-header';
import type { AdminChangesView } from '@casustafel/contract/access-log';
import { NetworksApi } from './networks-api';
import { ReferralsPanel } from '../referrals/referrals-panel';
import { can } from '@casustafel/contract/permissions';

/** One network: who is in it (core and shell) and who holds which role. Coordinators and administrators change it. */
@Component({
  selector: 'app-network-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    RouterLink,
    TranslocoPipe,
    AppDatePipe,
    EmptyState,
    Loading,
    NetworkHeader,
    ErrorSummary,
    ErrorTextPipe,
    WorkQueue,
    ReferralsPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    section { margin-top: 32px; }
    h2 { font: var(--mat-sys-title-large); }
    h3 { font: var(--mat-sys-title-medium); margin: 16px 0 8px; }
    mat-card { margin: 16px 0; }
    .actions-cell { text-align: right; width: 64px; }
    .admin-changes { margin-top: 16px; padding: 16px; border-left: 4px solid var(--mat-sys-primary); background: var(--mat-sys-surface-container-low); border-radius: 8px; }
    .admin-changes h2 { margin-top: 0; }
    .admin-changes ul { margin: 8px 0; padding-left: 20px; }
    .admin-changes li { margin: 4px 0; }
    .denied { color: var(--mat-sys-error); font-weight: 500; }
    .overdue { color: var(--mat-sys-error); }
    app-work-queue { max-width: 640px; margin-top: 16px; }
    .capacity-field { width: 96px; margin: 4px 0; }
    .figures-lead { margin-top: 16px; padding: 16px 20px; border-radius: 12px; background: var(--mat-sys-surface-container-low); max-width: 720px; }
    .figures-lead h2 { margin-top: 0; }
  `,
  template: `
    <div class="page">
      <app-network-header [networkId]="id()" (accepted)="network.reload()" />
      @if (network.isLoading() && !network.value()) {
        <app-loading [label]="'state.loading' | transloco" />
      } @else if (network.error()) {
        <app-empty-state icon="search_off" [title]="'network.notFoundTitle' | transloco" [text]="'network.notFoundText' | transloco" />
      } @else if (network.value(); as net) {
        <!-- The viewer's own work in this network first; members and roles below. -->
        @if (myNetwork(); as mine) {
          @if (seesMembers()) {
            <app-work-queue [network]="mine" />
          }
        }
        @if (adminChanges.value(); as changes) {
          @if (changes.items.length > 0) {
            <section class="admin-changes" aria-labelledby="admin-changes-heading" data-testid="admin-changes">
              <h2 id="admin-changes-heading">{{ 'network.adminChangesTitle' | transloco }}</h2>
              <p>{{ (changes.seenUntil === 0 ? 'network.adminChangesLeadFirst' : 'network.adminChangesLead') | transloco }}</p>
              <ul>
                @for (e of changes.items; track e.seq) {
                  <li>
                    <time [attr.datetime]="e.at">{{ e.at | appDate: 'dateTime' }}</time>:
                    {{ describeChange(e) }}
                    @if (e.outcome === 'DENIED') { <span class="denied">({{ 'enum.accessOutcome.DENIED' | transloco }})</span> }
                  </li>
                }
              </ul>
              <a mat-button [routerLink]="['/netwerken', id(), 'logboek']">{{ 'network.adminChangesLog' | transloco }}</a>
            </section>
          }
        }
        @if (!seesMembers()) {
          <!-- The municipality (ADR 0019): the network's name and kind, and its figures; no members, roles or cases. -->
          <section class="figures-lead" aria-labelledby="figures-lead-heading">
            <h2 id="figures-lead-heading">{{ 'network.figuresTitle' | transloco }}</h2>
            <p data-testid="municipality-lead">{{ 'network.municipalityLead' | transloco }}</p>
            <a mat-flat-button [routerLink]="['/netwerken', id(), 'cijfers']" data-testid="figures-link">
              <mat-icon>bar_chart</mat-icon>{{ 'network.figuresOpen' | transloco }}
            </a>
          </section>
        } @else {
        @if (seesReferrals()) {
          <app-referrals-panel [networkId]="id()" />
        }
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">{{ 'network.members' | transloco }}</h2>
          @if (members.isLoading() && !members.value()) {
            <app-loading [label]="'state.loading' | transloco" />
          } @else if ((members.value() ?? []).length === 0) {
            <app-empty-state icon="apartment" [title]="'network.noMembersTitle' | transloco"
              [text]="(net.canManage ? 'network.noMembersManage' : 'network.noMembersRead') | transloco" />
          } @else {
            @for (ring of rings; track ring) {
              <h3>{{ 'enum.ring.' + ring | transloco }}</h3>
              @if (membersIn(ring).length === 0) {
                <p>{{ 'network.ringEmpty' | transloco }}</p>
              } @else {
                <div class="table-wrap">
                  <table mat-table [dataSource]="membersIn(ring)" [attr.data-testid]="'members-' + ring">
                    <caption class="visually-hidden">{{ 'enum.ring.' + ring | transloco }}</caption>
                    <ng-container matColumnDef="name">
                      <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.organisation' | transloco }}</th>
                      <td mat-cell *matCellDef="let m">{{ m.organisation.name }}</td>
                    </ng-container>
                    <ng-container matColumnDef="kind">
                      <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.organisationKind' | transloco }}</th>
                      <td mat-cell *matCellDef="let m">{{ 'enum.organisationKind.' + m.organisation.kind | transloco }}</td>
                    </ng-container>
                    <ng-container matColumnDef="sector">
                      <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.sector' | transloco }}</th>
                      <td mat-cell *matCellDef="let m">{{ m.organisation.sector }}</td>
                    </ng-container>
                    <ng-container matColumnDef="capacity">
                      <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.capacity' | transloco }}</th>
                      <td mat-cell *matCellDef="let m" [attr.data-testid]="'capacity-' + m.organisation.id">
                        @if (carriesCapacity(m)) {
                          @if (canEditCapacity(m)) {
                            <mat-form-field class="capacity-field" subscriptSizing="dynamic">
                              <input matInput type="number" min="0" max="999" step="1" [value]="m.capacity ?? ''"
                                [attr.aria-label]="'network.capacityLabel' | transloco: { name: m.organisation.name }"
                                (change)="saveCapacity(m, $any($event.target).value)" />
                            </mat-form-field>
                          } @else {
                            {{ m.capacity ?? ('network.capacityNone' | transloco) }}
                          }
                        }
                      </td>
                    </ng-container>
                    <ng-container matColumnDef="since">
                      <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.memberSince' | transloco }}</th>
                      <td mat-cell *matCellDef="let m">{{ m.since | appDate }}</td>
                    </ng-container>
                    <ng-container matColumnDef="actions">
                      <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">{{ 'field.actions' | transloco }}</span></th>
                      <td mat-cell *matCellDef="let m" class="actions-cell">
                        <button mat-icon-button type="button" (click)="removeMember(m)"
                          [attr.aria-label]="'network.removeMemberLabel' | transloco: { name: m.organisation.name }">
                          <mat-icon>delete</mat-icon>
                        </button>
                      </td>
                    </ng-container>
                    <tr mat-header-row *matHeaderRowDef="memberColumns()"></tr>
                    <tr mat-row *matRowDef="let row; columns: memberColumns()"></tr>
                  </table>
                </div>
              }
            }
          }

          @if (net.canManage) {
            <mat-card appearance="outlined">
              <mat-card-content>
                <h3 class="card-title">{{ 'network.addMember' | transloco }}</h3>
                <form [formGroup]="memberForm" (ngSubmit)="addMember(memberFormDir)" novalidate class="form-row" #memberFormDir="ngForm">
                  <app-error-summary [submit]="memberSubmit" />
                  <mat-form-field>
                    <mat-label>{{ 'field.organisation' | transloco }}</mat-label>
                    <mat-select formControlName="organisationId" required data-testid="member-organisation">
                      @for (organisation of nonMembers(); track organisation.id) {
                        <mat-option [value]="organisation.id">{{ organisation.name }}</mat-option>
                      }
                    </mat-select>
                    @if (nonMembers().length === 0) {
                      <mat-hint>{{ 'network.allOrganisationsMember' | transloco }}</mat-hint>
                    }
                    <mat-error>{{ memberForm.controls.organisationId | errorText: { required: 'network.chooseOrganisation' } }}</mat-error>
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label>{{ 'field.ring' | transloco }}</mat-label>
                    <mat-select formControlName="ring" required data-testid="member-ring">
                      @for (ring of rings; track ring) {
                        <mat-option [value]="ring">{{ 'enum.ring.' + ring | transloco }}</mat-option>
                      }
                    </mat-select>
                  </mat-form-field>
                  <button mat-flat-button type="submit" [disabled]="memberSubmit.busy()" data-testid="member-submit">{{ 'action.add' | transloco }}</button>
                </form>
              </mat-card-content>
            </mat-card>
          }
        </section>

        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">{{ 'network.roles' | transloco }}</h2>
          @if (roles.isLoading() && !roles.value()) {
            <app-loading [label]="'state.loading' | transloco" />
          } @else if ((roles.value() ?? []).length === 0) {
            <app-empty-state icon="badge" [title]="'network.noRolesTitle' | transloco"
              [text]="(net.canManage ? 'network.noRolesManage' : 'network.noRolesRead') | transloco" />
          } @else {
            <div class="table-wrap">
              <table mat-table [dataSource]="roles.value() ?? []" data-testid="roles-table">
                <caption class="visually-hidden">{{ 'network.roles' | transloco }}</caption>
                <ng-container matColumnDef="name">
                  <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.name' | transloco }}</th>
                  <td mat-cell *matCellDef="let r">{{ r.user.name }}</td>
                </ng-container>
                <ng-container matColumnDef="organisation">
                  <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.organisation' | transloco }}</th>
                  <td mat-cell *matCellDef="let r">{{ r.organisation.name }}</td>
                </ng-container>
                <ng-container matColumnDef="role">
                  <th mat-header-cell *matHeaderCellDef scope="col">{{ 'field.role' | transloco }}</th>
                  <td mat-cell *matCellDef="let r">{{ 'enum.role.' + r.role | transloco }}</td>
                </ng-container>
                <ng-container matColumnDef="actions">
                  <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">{{ 'field.actions' | transloco }}</span></th>
                  <td mat-cell *matCellDef="let r" class="actions-cell">
                    @if (canRemoveRole(r)) {
                      <button mat-icon-button type="button" (click)="removeRole(r)"
                        [attr.aria-label]="'network.removeRoleLabel' | transloco: { name: r.user.name }">
                        <mat-icon>person_remove</mat-icon>
                      </button>
                    }
                  </td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="roleColumns()"></tr>
                <tr mat-row *matRowDef="let row; columns: roleColumns()"></tr>
              </table>
            </div>
          }

          @if (roleReview.value(); as review) {
            <mat-card appearance="outlined" data-testid="role-review">
              <mat-card-content>
                <h3 class="card-title">{{ 'network.reviewTitle' | transloco }}</h3>
                <p>
                  @if (review.confirmedAt) {
                    {{ 'network.reviewLast' | transloco: { date: (review.confirmedAt | appDate: 'date'), name: review.confirmedBy ?? '' } }}
                  } @else {
                    {{ 'network.reviewNever' | transloco }}
                  }
                  @if (review.overdue) {
                    <strong class="overdue">{{ (review.confirmedAt ? 'network.reviewDueNow' : 'network.reviewDueFirst') | transloco }}</strong>
                  } @else {
                    {{ 'network.reviewNext' | transloco: { date: (review.dueAt | appDate: 'date') } }}
                  }
                </p>
                @if (review.inactive.length > 0) {
                  <p>{{ 'network.reviewInactiveLead' | transloco }}</p>
                  <ul data-testid="role-review-inactive">
                    @for (person of review.inactive; track person.userId) {
                      <li>
                        {{ person.name }} ({{ person.organisation }}, {{ 'enum.role.' + person.role | transloco }}):
                        @if (person.lastSignInAt) {
                          {{ 'network.reviewLastSignIn' | transloco: { date: (person.lastSignInAt | appDate: 'date') } }}
                        } @else {
                          {{ 'network.reviewNeverSignedIn' | transloco }}
                        }
                      </li>
                    }
                  </ul>
                } @else {
                  <p>{{ 'network.reviewAllActive' | transloco }}</p>
                }
                <button mat-stroked-button type="button" (click)="confirmRoles()" [disabled]="confirmingRoles()" data-testid="role-review-confirm">
                  {{ 'network.reviewConfirm' | transloco }}
                </button>
              </mat-card-content>
            </mat-card>
          }

          @if (net.canManage) {
            <mat-card appearance="outlined">
              <mat-card-content>
                <h3 class="card-title">{{ 'network.assignRole' | transloco }}</h3>
                <p>{{ 'network.roleRules' | transloco }}</p>
                <form [formGroup]="roleForm" (ngSubmit)="assignRole(roleFormDir)" novalidate class="form-row" #roleFormDir="ngForm">
                  <app-error-summary [submit]="roleSubmit" />
                  <mat-form-field>
                    <mat-label>{{ 'field.person' | transloco }}</mat-label>
                    <mat-select formControlName="userId" required data-testid="role-user">
                      @for (user of candidatesWithoutRole(); track user.id) {
                        <mat-option [value]="user.id">{{ user.name }} ({{ user.organisation.name }})</mat-option>
                      }
                    </mat-select>
                    @if (candidatesWithoutRole().length === 0) {
                      <mat-hint>{{ 'network.noCandidates' | transloco }}</mat-hint>
                    }
                    <mat-error>{{ roleForm.controls.userId | errorText: { required: 'network.choosePerson' } }}</mat-error>
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label>{{ 'field.role' | transloco }}</mat-label>
                    <mat-select formControlName="role" required data-testid="role-role">
                      @for (role of assignableRoles(); track role) {
                        <mat-option [value]="role">{{ 'enum.role.' + role | transloco }}</mat-option>
                      }
                    </mat-select>
                  </mat-form-field>
                  <button mat-flat-button type="submit" [disabled]="roleSubmit.busy()" data-testid="role-submit">{{ 'network.giveRole' | transloco }}</button>
                </form>
              </mat-card-content>
            </mat-card>
          }
        </section>
        }
      }
    </div>
  `,
})
export class NetworkPage implements HoldsUnsavedInput {
  private readonly api = inject(NetworksApi);
  private readonly adminApi = inject(AdminApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(TranslocoService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly rings = RINGS;
  protected readonly network = resource({ params: () => ({ id: this.id() }), loader: ({ params }) => this.api.get(params.id) });
  /** Whether the viewer sees who is in the network (everyone but the municipality; the administrator has no role here). */
  protected readonly seesMembers = computed(() => {
    const net = this.network.value();
    return !net || can(net.myRole ?? (this.session.isAdmin() ? 'ADMIN' : null), 'network.members');
  });
  /** The coordinator's referrals to and from the network (issue #14). */
  protected readonly seesReferrals = computed(() => can(this.network.value()?.myRole ?? null, 'referral.read'));
  private readonly membersParams = () => (this.network.value() && this.seesMembers() ? { id: this.id() } : undefined);
  protected readonly members = resource({ params: this.membersParams, loader: ({ params }) => this.api.members(params.id) });
  protected readonly roles = resource({ params: this.membersParams, loader: ({ params }) => this.api.roles(params.id) });
  private readonly manageParams = () => (this.network.value()?.canManage ? { id: this.id() } : undefined);
  protected readonly organisations = resource({ params: this.manageParams, loader: () => this.adminApi.organisations() });
  protected readonly candidates = resource({ params: this.manageParams, loader: ({ params }) => this.api.candidates(params.id) });

  /**
   * For the coordinator: what the administrator changed since their last visit. Seen once shown,
   * so the next visit starts from here.
   */
  private readonly shownAdminChanges = new Map<string, AdminChangesView>();
  protected readonly adminChanges = resource({
    params: () => (can(this.network.value()?.myRole ?? null, 'accessLog.read') ? { id: this.id() } : undefined),
    loader: async ({ params }) => {
      // Shown once per visit: a reload of the page's data (after accepting the statement, say) must not make them vanish.
      const shown = this.shownAdminChanges.get(params.id);
      if (shown) return shown;
      const changes = await this.api.adminChanges(params.id);
      this.shownAdminChanges.set(params.id, changes);
      if (changes.items.length > 0)
        await this.api.markAdminChangesSeen(params.id, Math.max(...changes.items.map((e) => e.seq))).catch(() => undefined);
      return changes;
    },
  });

  /** For the coordinator: the yearly confirmation that every role holder still needs their role (BIO 5.18.02). */
  protected readonly roleReview = resource({
    params: () => (can(this.network.value()?.myRole ?? null, 'network.reviewRoles') ? { id: this.id() } : undefined),
    loader: ({ params }) => this.api.roleReview(params.id),
  });
  protected readonly confirmingRoles = signal(false);

  /** The viewer's membership as the session knows it: their work queue for this network. */
  protected readonly myNetwork = computed(() => this.session.networks().find((n) => n.id === this.id()) ?? null);
  protected readonly canManage = computed(() => this.network.value()?.canManage ?? false);
  protected readonly memberColumns = computed(() => [
    'name',
    'kind',
    'sector',
    'capacity',
    'since',
    ...(this.canManage() ? ['actions'] : []),
  ]);
  protected readonly roleColumns = computed(() => ['name', 'organisation', 'role', ...(this.canManage() ? ['actions'] : [])]);
  protected readonly nonMembers = computed(() => {
    const memberIds = new Set((this.members.value() ?? []).map((m) => m.organisation.id));
    // A government organisation is no member: its people get the role of municipality without one (ADR 0019).
    return (this.organisations.value() ?? []).filter((o) => !memberIds.has(o.id) && o.kind !== 'GOVERNMENT');
  });
  protected readonly candidatesWithoutRole = computed(() => {
    const holders = new Set((this.roles.value() ?? []).map((r) => r.user.id));
    return (this.candidates.value() ?? []).filter((u) => !holders.has(u.id));
  });
  /** Only an administrator appoints coordinators. */
  protected readonly assignableRoles = computed(() => NETWORK_ROLES.filter((r) => r !== 'COORDINATOR' || this.session.isAdmin()));

  private readonly forms = inject(FormBuilder).nonNullable;
  protected readonly memberForm = this.forms.group({
    organisationId: ['', Validators.required],
    ring: ['CORE' as Ring, Validators.required],
  });
  protected readonly roleForm = this.forms.group({
    userId: ['', Validators.required],
    role: ['CORE_PARTNER' as NetworkRole, Validators.required],
  });
  protected readonly memberSubmit = new FormSubmit();
  protected readonly roleSubmit = new FormSubmit();

  /** One Dutch sentence per change: who did what to whom (names of people and organisations only). */
  protected describeChange(e: AccessLogEntryView): string {
    return this.i18n.translate(`network.adminChange.${e.action}`, {
      actor: e.user?.name ?? this.i18n.translate('log.system'),
      user: e.subject?.user?.name ?? this.i18n.translate('network.adminChangeSomeone'),
      organisation: e.subject?.organisation?.name ?? '',
      role: e.subject?.role ? this.i18n.translate(`enum.role.${e.subject.role}`) : '',
    });
  }

  /** Only informal and hybrid organisations record how many open actions they can carry. */
  protected carriesCapacity(member: MemberView): boolean {
    return CAPACITY_KINDS.includes(member.organisation.kind);
  }

  /** The coordinator, or the organisation's own people (the same table as the API: network.capacity). */
  protected canEditCapacity(member: MemberView): boolean {
    return can(this.network.value()?.myRole ?? null, 'network.capacity', {
      ownOrganisation: member.organisation.id === this.session.me()?.organisation.id,
    });
  }

  protected async saveCapacity(member: MemberView, raw: string): Promise<void> {
    const capacity = raw.trim() === '' ? null : Number(raw);
    try {
      await this.api.updateMember(this.id(), member.organisation.id, { capacity });
      this.snackBar.open(this.i18n.translate('network.capacitySaved', { name: member.organisation.name }), undefined, { duration: 4000 });
    } catch {
      // the error interceptor shows the server's message
    }
    this.members.reload();
  }

  protected membersIn(ring: Ring): MemberView[] {
    return (this.members.value() ?? []).filter((m) => m.ring === ring);
  }

  protected canRemoveRole(role: RoleView): boolean {
    return this.canManage() && (role.role !== 'COORDINATOR' || this.session.isAdmin());
  }

  protected async addMember(form: FormGroupDirective): Promise<void> {
    const value = this.memberForm.getRawValue();
    if (!(await this.memberSubmit.run(this.memberForm, (submission) => this.api.addMember(this.id(), value, submission.options)))) return;
    const name = this.organisations.value()?.find((o) => o.id === value.organisationId)?.name ?? '';
    this.snackBar.open(this.i18n.translate('network.memberAdded', { name }), undefined, { duration: 4000 });
    form.resetForm({ organisationId: '', ring: 'CORE' });
    this.members.reload();
    this.candidates.reload();
  }

  protected async assignRole(form: FormGroupDirective): Promise<void> {
    const value = this.roleForm.getRawValue();
    if (!(await this.roleSubmit.run(this.roleForm, (submission) => this.api.assignRole(this.id(), value, submission.options)))) return;
    this.snackBar.open(this.i18n.translate('network.roleAssigned'), undefined, { duration: 4000 });
    form.resetForm({ userId: '', role: 'CORE_PARTNER' });
    this.roles.reload();
  }

  /** An organisation or person chosen in a form and not yet added. */
  hasUnsavedInput(): boolean {
    return (this.memberForm.dirty || this.roleForm.dirty) && !this.memberSubmit.busy() && !this.roleSubmit.busy();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }

  protected async removeMember(member: MemberView): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.translate('network.removeMemberTitle'),
      message: this.i18n.translate('network.removeMemberText', { name: member.organisation.name }),
      confirm: this.i18n.translate('action.remove'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!confirmed) return;
    await this.api.removeMember(this.id(), member.organisation.id).catch(() => undefined);
    this.members.reload();
    this.candidates.reload();
  }

  protected async confirmRoles(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.translate('network.reviewConfirmTitle'),
      message: this.i18n.translate('network.reviewConfirmText'),
      confirm: this.i18n.translate('network.reviewConfirm'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!confirmed) return;
    this.confirmingRoles.set(true);
    try {
      const review = await this.api.confirmRoles(this.id());
      this.roleReview.set(review);
      this.snackBar.open(this.i18n.translate('network.reviewConfirmed'), undefined, { duration: 4000 });
    } catch {
      // the error interceptor shows the server's message
    } finally {
      this.confirmingRoles.set(false);
    }
  }

  protected async removeRole(role: RoleView): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.translate('network.removeRoleTitle'),
      message: this.i18n.translate('network.removeRoleText', { name: role.user.name }),
      confirm: this.i18n.translate('action.remove'),
      cancel: this.i18n.translate('action.cancel'),
    });
    if (!confirmed) return;
    await this.api.removeRole(this.id(), role.user.id).catch(() => undefined);
    this.roles.reload();
  }
}
