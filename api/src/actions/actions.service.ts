import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { AccessRole } from '@casustafel/contract/permissions';
import { requireAccess } from '../access/require-access';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, Repository, type EntityManager } from 'typeorm';
import { OPEN_ACTION_STATUSES, type ActionStatus } from '@casustafel/contract/meeting-rules';
import type { DisclosureRole, DisclosureContext } from '@casustafel/contract/enums';
import type { ActionView, CapacityWarning, CreateActionDto, UpdateActionDto } from '@casustafel/contract/meetings';
import { Clock } from '../common/clock';
import { Notifier } from '../notifications/notifier';
import { dutchDate, isBeforeDutchToday } from '../common/amsterdam-time';
import { fieldError } from '../common/validation';
import type { Viewer } from '../common/viewer';
import { newId } from '../database/ids';
import { UnitOfWork, within } from '../database/unit-of-work';
import { NetworksService } from '../networks/networks.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { CaseLabels } from '../privacy/case-labels';
import { FreeTextGuard } from '../privacy/free-text-guard';
import { UsersService } from '../users/users.service';
import { ActionEvent, type ActionCorrection } from './action-event.entity';
import { Action } from './action.entity';
import { actionNameIds, toActionViews } from './action.mapper';

export interface ActionOrigin {
  networkId: string;
  meetingId: string | null;
  agendaItemId: string | null;
  caseId: string | null;
}

/** In which context the cases of the actions are labelled (a running meeting, minutes under their covenant version). */
export interface LabelContext {
  context: DisclosureContext;
  role?: DisclosureRole | null;
  covenantVersion?: number;
}

export interface ActionQuery {
  scope: 'mine' | 'network';
  networkId?: string;
  status?: ActionStatus;
  overdue?: boolean;
}

const NO_NAMES =
  'Acties en hun toelichting ziet iedereen die de casus ziet, ook onder het pseudoniem: noem de cliënt niet, de casus staat erbij.';

/** The fields of UpdateActionDto that make it a correction. */
const CORRECTION_KEYS = ['description', 'dueDate', 'ownerOrganisationId', 'ownerUserId'] as const;

export const STALE = 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en kijk of je wijziging nog nodig is.';

/** Overdue first, then by due date: what needs doing now stands at the top. */
const overdueFirst = (a: ActionView, b: ActionView): number => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate);

/** Actions (actiepunten): one owning organisation each, a due date, a status with history. */
@Injectable()
export class ActionsService {
  constructor(
    @InjectRepository(Action) private readonly actions: Repository<Action>,
    @InjectRepository(ActionEvent) private readonly events: Repository<ActionEvent>,
    private readonly units: UnitOfWork,
    private readonly networks: NetworksService,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly labels: CaseLabels,
    private readonly guard: FreeTextGuard,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async create(viewer: Viewer, origin: ActionOrigin, dto: CreateActionDto): Promise<ActionView> {
    this.notInThePast(dto.dueDate);
    await this.guard.check(viewer, origin.networkId, dto, NO_NAMES);
    if (!(await this.networks.membership(origin.networkId, dto.ownerOrganisationId))) {
      throw new ConflictException('De organisatie die de actie uitvoert, moet lid zijn van het netwerk.');
    }
    if (dto.ownerUserId) await this.ownerPerson(origin.networkId, dto.ownerOrganisationId, dto.ownerUserId);
    const now = this.clock.now();
    const action = this.actions.create({
      id: newId(),
      ...origin,
      description: dto.description.trim(),
      ownerOrganisationId: dto.ownerOrganisationId,
      ownerUserId: dto.ownerUserId ?? null,
      dueDate: dto.dueDate,
      status: 'OPEN',
      notDoneReason: null,
      note: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    // The action and the first event of its history: together or not at all.
    await this.units.run(async (manager) => {
      await manager.withRepository(this.actions).insert(action);
      await manager.withRepository(this.events).insert({
        id: newId(),
        actionId: action.id,
        at: now,
        userId: viewer.id,
        kind: 'STATUS',
        status: 'OPEN',
        note: null,
        notDoneReason: null,
        corrected: null,
      });
    });
    await this.notifier.emit({ type: 'ACTION_ASSIGNED', actorId: viewer.id, action });
    const role = await this.networks.roleOf(viewer, origin.networkId);
    const view = (await this.views(viewer, [action], new Map([[origin.networkId, role]]), { context: 'DOSSIER' }))[0];
    return { ...view, capacityWarning: await this.capacityWarning(origin.networkId, action.ownerOrganisationId) };
  }

  /**
   * Protecting volunteers from overload (issue #13): when the owning organisation now carries more open
   * actions in the network than the capacity it recorded, a warning for the coordinator who assigned it.
   * Never a refusal: the coordinator decides, knowing it.
   */
  private async capacityWarning(networkId: string, organisationId: string): Promise<CapacityWarning | null> {
    const membership = await this.networks.membership(networkId, organisationId);
    if (membership?.capacity === null || membership?.capacity === undefined) return null;
    const open = await this.actions.countBy({ networkId, ownerOrganisationId: organisationId, status: In([...OPEN_ACTION_STATUSES]) });
    if (open <= membership.capacity) return null;
    const name = (await this.organisations.namesOf([organisationId])).get(organisationId) ?? '';
    return { organisation: { id: organisationId, name }, open, capacity: membership.capacity };
  }

  async list(viewer: Viewer, query: ActionQuery): Promise<ActionView[]> {
    let found: Action[];
    let roles: Map<string, AccessRole | null>;
    if (query.scope === 'network') {
      if (!query.networkId) throw new BadRequestException('Kies het netwerk.');
      const access = await this.networks.accessFor(viewer, query.networkId);
      if (!access.role) throw new NotFoundException('Dit netwerk bestaat niet of je bent er geen lid van.');
      found = await this.actions.find({ where: { networkId: query.networkId, ...(query.status ? { status: query.status } : {}) } });
      roles = new Map([[query.networkId, access.role]]);
    } else {
      const networks = await this.networks.networksOf(viewer.id);
      const mine = networks.map((n) => n.id);
      found = mine.length
        ? await this.actions.find({
            where: { ownerOrganisationId: viewer.organisationId, networkId: In(mine), ...(query.status ? { status: query.status } : {}) },
          })
        : [];
      roles = new Map(networks.map((n) => [n.id, n.role]));
    }
    const views = await this.views(viewer, found, roles, { context: 'DOSSIER' });
    const filtered = query.overdue === undefined ? views : views.filter((a) => a.overdue === query.overdue);
    return filtered.sort(overdueFirst);
  }

  /**
   * The network's open actions that were not agreed in this meeting (the minutes' "carried over"
   * list), as `list` shows them (labelled as in the dossier, overdue first, then by due date). Only
   * open actions of other meetings (or of none) are labelled and named: not every action the network
   * ever had, as filtering `list` would.
   */
  async openOutsideMeeting(viewer: Viewer, networkId: string, meetingId: string): Promise<ActionView[]> {
    const access = await this.networks.accessFor(viewer, networkId);
    if (!access.role) throw new NotFoundException('Dit netwerk bestaat niet of je bent er geen lid van.');
    const open = await this.actions.find({ where: { networkId, status: In([...OPEN_ACTION_STATUSES]) } });
    const found = open.filter((a) => a.meetingId !== meetingId);
    return (await this.views(viewer, found, new Map([[networkId, access.role]]), { context: 'DOSSIER' })).sort(overdueFirst);
  }

  /**
   * A status change (status, note, reason: `action.update`, a partner for their own organisation's
   * actions) and/or a correction (description, due date, owning organisation and person:
   * `action.correct`, the coordinator), on the version the caller saw. Each is its own entry in the history.
   */
  async update(viewer: Viewer, id: string, dto: UpdateActionDto): Promise<ActionView> {
    const action = await this.actions.findOneBy({ id });
    const role = action ? await this.networks.roleOf(viewer, action.networkId) : null;
    // Labelled before the change: an action on a case the viewer may not see does not exist for them.
    const labels = action && role ? await this.labels.forViewer(viewer, action.networkId, [action.caseId]) : new Map<string, string>();
    if (!action || !role || (action.caseId && !labels.has(action.caseId)))
      throw new NotFoundException('Deze actie bestaat niet of je mag hem niet zien.');
    const correcting = CORRECTION_KEYS.some((key) => dto[key] !== undefined);
    const changingStatus = dto.status !== undefined;
    if (!correcting && !changingStatus) {
      throw new BadRequestException('Geef een nieuwe status, of corrigeer de omschrijving, de uiterste datum of wie de actie uitvoert.');
    }
    if (changingStatus || dto.note !== undefined || dto.notDoneReason !== undefined)
      requireAccess(role, 'action.update', { ownOrganisation: action.ownerOrganisationId === viewer.organisationId });
    if (correcting) requireAccess(role, 'action.correct', {});
    if (dto.version !== action.version) throw new ConflictException(STALE);
    if (!changingStatus && (dto.note !== undefined || dto.notDoneReason !== undefined))
      throw new BadRequestException('Een toelichting of reden hoort bij een nieuwe status: kies de status.');
    const note = dto.note?.trim() || null;
    if (dto.status === 'NOT_DONE' && (!dto.notDoneReason || !note || note.length < 5)) {
      throw new BadRequestException(
        'Geef bij "niet gedaan" de reden (omstandigheden veranderd of niet uitgevoerd) en een korte toelichting.',
      );
    }
    const correction = correcting ? await this.correction(action, dto) : null;
    await this.guard.check(viewer, action.networkId, dto, NO_NAMES);
    if (!changingStatus && !correction?.changes.length) {
      // Nothing differs from what is stored: no new version, no entry in the history.
      return (await this.views(viewer, [action], new Map([[action.networkId, role]]), labels))[0];
    }
    const now = this.clock.now();
    const status = dto.status ?? action.status;
    // The change and its events in the history: together or not at all; the version is the claim.
    const changed = await this.units.run(async (manager) => {
      const result = await manager.withRepository(this.actions).update(
        { id, version: dto.version },
        {
          ...(changingStatus ? { status, note, notDoneReason: status === 'NOT_DONE' ? dto.notDoneReason! : null } : {}),
          ...(correction?.changes.length ? correction.values : {}),
          version: dto.version + 1,
          updatedAt: now,
        },
      );
      if (!result.affected) return false;
      const events = manager.withRepository(this.events);
      if (correction?.changes.length) {
        await events.insert({
          id: newId(),
          actionId: id,
          at: now,
          userId: viewer.id,
          kind: 'CORRECTION',
          status: action.status,
          note: null,
          notDoneReason: null,
          corrected: JSON.stringify(correction.changes.map((change) => ({ ...change, version: dto.version }))),
        });
      }
      if (changingStatus) {
        await events.insert({
          id: newId(),
          // A status change made with a correction comes after it in the history (same moment, inserted second).
          actionId: id,
          at: correction?.changes.length ? new Date(now.getTime() + 1) : now,
          userId: viewer.id,
          kind: 'STATUS',
          status,
          note,
          notDoneReason: dto.notDoneReason ?? null,
          corrected: null,
        });
      }
      return true;
    });
    if (!changed) throw new ConflictException(STALE);
    const roles = new Map([[action.networkId, role]]);
    const current = (await this.actions.findOneBy({ id }))!;
    // A correction that hands the action to another organisation is news for that organisation.
    if (current.ownerOrganisationId !== action.ownerOrganisationId)
      await this.notifier.emit({ type: 'ACTION_ASSIGNED', actorId: viewer.id, action: current });
    // The answer to the one who just changed it, with the label they saw (closing their action may end their view of the case).
    const view = (await this.views(viewer, [current], roles, labels))[0];
    // A new owner: the coordinator learns when that organisation now carries more than it said it could.
    const reassigned = correction?.changes.some(
      (change) => change.field === 'owner' && correction.values.ownerOrganisationId !== action.ownerOrganisationId,
    );
    return reassigned ? { ...view, capacityWarning: await this.capacityWarning(action.networkId, view.owner.organisation.id) } : view;
  }

  /**
   * What a correction changes, checked: only an open action is corrected; a new due date is not in the
   * past; the owning organisation is a member; the owning person works there and holds a role in the
   * network. A new organisation without a person clears the person. Unchanged values are left out.
   */
  private async correction(
    action: Action,
    dto: UpdateActionDto,
  ): Promise<{
    values: Partial<Pick<Action, 'description' | 'dueDate' | 'ownerOrganisationId' | 'ownerUserId'>>;
    changes: ActionCorrection[];
  }> {
    if (!OPEN_ACTION_STATUSES.includes(action.status)) {
      throw new ConflictException('Deze actie is afgerond (gedaan, niet gedaan of vervallen) en kan niet meer worden gecorrigeerd.');
    }
    const values: Partial<Pick<Action, 'description' | 'dueDate' | 'ownerOrganisationId' | 'ownerUserId'>> = {};
    const changes: ActionCorrection[] = [];
    const description = dto.description?.trim();
    if (description !== undefined && description !== action.description) {
      values.description = description;
      changes.push({ field: 'description', from: action.description, to: description });
    }
    if (dto.dueDate !== undefined && dto.dueDate !== action.dueDate) {
      this.notInThePast(dto.dueDate);
      values.dueDate = dto.dueDate;
      changes.push({ field: 'dueDate', from: action.dueDate, to: dto.dueDate });
    }
    const organisationId = dto.ownerOrganisationId ?? action.ownerOrganisationId;
    const newOrganisation = organisationId !== action.ownerOrganisationId;
    if (newOrganisation && !(await this.networks.membership(action.networkId, organisationId))) {
      throw fieldError('ownerOrganisationId', 'De organisatie die de actie uitvoert, moet lid zijn van het netwerk.');
    }
    // A new organisation without a person: the person of the old one no longer fits.
    const userId = dto.ownerUserId !== undefined ? dto.ownerUserId : newOrganisation ? null : action.ownerUserId;
    if (userId && (newOrganisation || userId !== action.ownerUserId)) await this.ownerPerson(action.networkId, organisationId, userId);
    if (newOrganisation || userId !== action.ownerUserId) {
      values.ownerOrganisationId = organisationId;
      values.ownerUserId = userId;
      const names = {
        organisations: await this.organisations.namesOf([action.ownerOrganisationId, organisationId]),
        users: await this.users.namesOf([action.ownerUserId, userId].filter((id): id is string => !!id)),
      };
      const ownerName = (organisation: string, user: string | null) =>
        [names.organisations.get(organisation) ?? '', user ? (names.users.get(user) ?? '') : null].filter((n) => n !== null).join(' — ');
      changes.push({
        field: 'owner',
        from: ownerName(action.ownerOrganisationId, action.ownerUserId),
        to: ownerName(organisationId, userId),
        fromOwner: { organisationId: action.ownerOrganisationId, userId: action.ownerUserId },
      });
    }
    return { values, changes };
  }

  /** A due date is today or later, in Dutch time. */
  private notInThePast(dueDate: string): void {
    if (isBeforeDutchToday(dueDate, this.clock.now())) {
      throw fieldError('dueDate', 'De uiterste datum ligt in het verleden. Kies vandaag of een latere datum.');
    }
  }

  /** The owning person works at the owning organisation and holds a role in the network. */
  private async ownerPerson(networkId: string, organisationId: string, userId: string): Promise<void> {
    const owner = await this.users.findById(userId);
    if (!owner || !owner.active || owner.organisationId !== organisationId)
      throw fieldError('ownerUserId', 'De gekozen persoon werkt niet bij de gekozen organisatie.');
    if (!(await this.networks.roleOf({ id: userId }, networkId)))
      throw fieldError(
        'ownerUserId',
        'De gekozen persoon heeft geen rol in dit netwerk. Kies iemand met een rol, of laat de persoon leeg.',
      );
  }

  /** The network an action belongs to, or null when there is no such action (for the log of refused attempts; no access check). */
  async networkOf(id: string): Promise<string | null> {
    return (await this.actions.findOne({ where: { id }, select: { id: true, networkId: true } }))?.networkId ?? null;
  }

  /** Actions agreed on these agenda items, for the meeting view and the minutes, their cases labelled in that context. */
  async forAgendaItems(viewer: Viewer, itemIds: string[], role: AccessRole | null, labelContext: LabelContext): Promise<ActionView[]> {
    if (itemIds.length === 0) return [];
    return this.views(
      viewer,
      await this.actions.find({ where: { agendaItemId: In(itemIds) }, order: { createdAt: 'ASC' } }),
      role,
      labelContext,
    );
  }

  /** How many actions were agreed on these agenda items (whoever may see them). */
  countOn(itemIds: string[]): Promise<number> {
    return itemIds.length ? this.actions.count({ where: { agendaItemId: In(itemIds) } }) : Promise.resolve(0);
  }

  /**
   * The actions agreed on these agenda items as they were agreed, before any correction (for the
   * minutes' hash: approved minutes stay the same when an action is corrected later; the correction is
   * in the action's history).
   */
  async agreedOn(itemIds: string[], manager?: EntityManager): Promise<Action[]> {
    if (itemIds.length === 0) return [];
    const actions = await within(this.actions, manager).find({ where: { agendaItemId: In(itemIds) } });
    if (actions.length === 0) return actions;
    const events = await within(this.events, manager).find({ where: { actionId: In(actions.map((a) => a.id)), kind: 'CORRECTION' } });
    const corrections = events
      .flatMap((event) =>
        (JSON.parse(event.corrected ?? '[]') as ActionCorrection[]).map((change) => ({ actionId: event.actionId, change })),
      )
      .sort((a, b) => (b.change.version ?? 0) - (a.change.version ?? 0));
    const byId = new Map(actions.map((a) => [a.id, a]));
    // Undone from the latest back to the first (by the version each was made on): what is left is the action as it was made.
    for (const { actionId, change } of corrections) {
      const action = byId.get(actionId)!;
      if (change.field === 'description') action.description = change.from;
      if (change.field === 'dueDate') action.dueDate = change.from;
      if (change.field === 'owner' && change.fromOwner) {
        action.ownerOrganisationId = change.fromOwner.organisationId;
        action.ownerUserId = change.fromOwner.userId;
      }
    }
    return actions;
  }

  /** Cases in the network with an open action (those come back on the next agenda). */
  async casesWithOpenActions(networkId: string): Promise<Set<string>> {
    const open = await this.actions.find({ where: { networkId, status: In(OPEN_ACTION_STATUSES) }, select: { caseId: true } });
    return new Set(open.map((a) => a.caseId).filter((id): id is string => !!id));
  }

  /** Open actions due on one of the days `from` to `to` (YYYY-MM-DD, both included), for the notifications' schedule. */
  async openDueBetween(from: string, to: string): Promise<Action[]> {
    return this.actions.find({ where: { dueDate: Between(from, to), status: In(OPEN_ACTION_STATUSES) }, order: { dueDate: 'ASC' } });
  }

  /** Open actions of an organisation, for its calendar feed. */
  async openFor(organisationId: string, networkIds: string[]): Promise<Action[]> {
    if (networkIds.length === 0) return [];
    return this.actions.find({
      where: { ownerOrganisationId: organisationId, networkId: In(networkIds), status: In(OPEN_ACTION_STATUSES) },
    });
  }

  /**
   * Action views for the viewer. An action on a case that the viewer may not see in this context
   * is left out (the mapper leaves out what has no label): its description and its case's label
   * would betray the case. A fixed number of queries, however many actions and networks.
   */
  private async views(
    viewer: Viewer,
    all: Action[],
    /** The viewer's role per network of these actions (or one role for all of them), for `canUpdate`. */
    roles: Map<string, AccessRole | null> | AccessRole | null,
    labelContext: LabelContext | Map<string, string>,
  ): Promise<ActionView[]> {
    const labels = labelContext instanceof Map ? labelContext : await this.labelsFor(viewer, all, labelContext);
    const actions = all.filter((a) => !a.caseId || labels.has(a.caseId));
    if (actions.length === 0) return [];
    const events = await this.events.find({ where: { actionId: In(actions.map((a) => a.id)) }, order: { at: 'ASC' } });
    const ids = actionNameIds(actions, events);
    const names = {
      users: await this.users.namesOf(ids.users),
      organisations: await this.organisations.namesOf(ids.organisations),
      networks: await this.networks.namesOf(ids.networks),
    };
    return toActionViews(actions, events, { viewer, roles }, labels, names, dutchDate(this.clock.now()));
  }

  private async labelsFor(
    viewer: Viewer,
    actions: Action[],
    { context, role, covenantVersion }: LabelContext,
  ): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    for (const networkId of new Set(actions.filter((a) => a.caseId).map((a) => a.networkId))) {
      const ids = actions.filter((a) => a.networkId === networkId).map((a) => a.caseId);
      for (const [id, label] of await this.labels.forViewer(viewer, networkId, ids, context, { role, covenantVersion }))
        labels.set(id, label);
    }
    return labels;
  }
}
