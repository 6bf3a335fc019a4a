import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import {
  ACCESS,
  ACCESS_ROLES,
  canGlobally,
  grantOf,
  PERMISSIONS,
  type AccessRole,
  type Permission,
} from '@casustafel/contract/permissions';
import { REQUIRES } from '../src/access/requires.decorator';
import { ADMIN_KNOWS } from '../src/access/refusals';
import { IS_PUBLIC } from '../src/common/decorators';
import { routeObject, type RouteObjectType } from '../src/common/route-object';
import { Factories, caseBody } from './support/factories';
import { TestApp, type Agent } from './support/test-app';

/**
 * The access table as the API answers it (issue #10): every route of the app, read from Nest's
 * own router, against every kind of caller — each role of a network, a meeting guest, the
 * administrator, the coordinator of another network, the municipality (issue #13) of this network and
 * of another, and someone from outside. A route without a
 * declared permission fails; a refusal must be 404 where the caller may not know the object exists
 * and 403 otherwise; an allowed call must get past the access check (a write with a stray field
 * answers 400 from validation, which runs after it).
 */

interface Route {
  method: string;
  path: string;
  name: string;
  permission: Permission | undefined;
  isPublic: boolean;
  hasBody: boolean;
}

type Actor =
  | 'admin'
  | 'coordinator'
  | 'core'
  | 'shell'
  | 'volunteer'
  | 'guest'
  | 'otherCoordinator'
  | 'outsider'
  | 'municipality'
  | 'otherMunicipality';
const ACTORS: Actor[] = [
  'admin',
  'coordinator',
  'core',
  'shell',
  'volunteer',
  'guest',
  'otherCoordinator',
  'outsider',
  'municipality',
  'otherMunicipality',
];
const ROLE_OF: Record<Actor, AccessRole | null> = {
  admin: 'ADMIN',
  coordinator: 'COORDINATOR',
  core: 'CORE_PARTNER',
  shell: 'SHELL_PARTNER',
  volunteer: 'VOLUNTEER_REP',
  guest: null,
  otherCoordinator: null,
  outsider: null,
  municipality: 'MUNICIPALITY',
  otherMunicipality: null,
};
const READ: Record<RouteObjectType, Permission> = {
  NETWORK: 'network.read',
  CASE: 'case.read',
  QUESTION: 'question.read',
  MEETING: 'meeting.read',
  MINUTES: 'minutes.read',
  ACTION: 'action.list',
  REFERRAL: 'referral.read',
};

/**
 * Which permission each route declares: the API's access surface in one reviewable list. A new route
 * or a changed permission fails until it is written here too — a deliberate second look.
 */
const DECLARED: Record<string, Permission> = {
  'GET notifications': 'account.read',
  'GET me/notification-settings': 'account.read',
  'POST notifications/read-all': 'account.manage',
  'POST notifications/:id/read': 'account.manage',
  'PUT me/notification-settings': 'account.manage',
  'DELETE meetings/:id/agenda/:itemId': 'meeting.run',
  'DELETE networks/:id/members/:organisationId': 'network.manage',
  'DELETE networks/:id/roles/:userId': 'network.manage',
  'GET actions': 'action.list',
  'DELETE auth/sessions/:id': 'account.manage',
  'GET auth/me': 'account.read',
  'GET auth/sessions': 'account.manage',
  'GET cases/:id': 'case.read',
  'GET cases/:id/access-report.pdf': 'case.accessReport',
  'GET cases/:id/timeline': 'case.read',
  'GET meetings/:id': 'meeting.read',
  'GET meetings/:id/guest-candidate': 'meeting.run',
  'GET meetings/:id/minutes': 'minutes.read',
  'GET meetings/:id/minutes.pdf': 'minutes.read',
  'GET networks': 'network.list',
  'GET networks/:id': 'network.read',
  'GET networks/:id/access-log': 'accessLog.read',
  'GET networks/:id/access-log/verify': 'accessLog.read',
  'GET networks/:id/actions.csv': 'action.export',
  'GET networks/:id/actions.pdf': 'action.export',
  'GET networks/:id/admin-changes': 'accessLog.read',
  'GET networks/:id/candidates': 'network.manage',
  'GET networks/:id/cases': 'case.list',
  'GET networks/:id/confidentiality': 'covenant.read',
  'GET networks/:id/covenant': 'covenant.read',
  'GET networks/:id/figures': 'network.figures',
  'GET networks/:id/figures.csv': 'network.figures',
  'GET networks/:id/figures.pdf': 'network.figures',
  'GET networks/:id/meetings': 'meeting.list',
  'GET networks/:id/overview': 'network.overview',
  'GET networks/:id/members': 'network.members',
  'GET networks/:id/questions': 'question.list',
  'GET networks/:id/referral-targets': 'case.refer',
  'GET networks/:id/referrals': 'referral.read',
  'GET networks/:id/role-review': 'network.reviewRoles',
  'GET networks/:id/roles': 'network.members',
  'GET organisations': 'organisation.list',
  'GET questions/:id': 'question.read',
  'GET users': 'user.manage',
  'POST cases/:id/known-elsewhere': 'case.knownElsewhere',
  'POST cases/:id/referrals': 'case.refer',
  'POST referrals/:id/accept': 'referral.decide',
  'POST referrals/:id/decline': 'referral.decide',
  'PATCH actions/:id': 'action.update',
  'PATCH cases/:id': 'case.updateStatus',
  'PATCH meetings/:id': 'meeting.plan',
  'PATCH meetings/:id/agenda/:itemId': 'meeting.run',
  'PATCH meetings/:id/minutes': 'minutes.edit',
  'PATCH networks/:id/members/:organisationId': 'network.capacity',
  'PATCH users/:id': 'user.manage',
  'POST auth/password': 'account.manage',
  'POST auth/mfa/confirm': 'account.manage',
  'POST auth/mfa/disable': 'account.manage',
  'POST auth/mfa/setup': 'account.manage',
  'POST auth/mfa/verify': 'account.manage',
  'POST calendar/token': 'calendar.subscribe',
  'POST meetings/:id/agenda': 'meeting.run',
  'POST meetings/:id/agenda/:itemId/actions': 'meeting.run',
  'POST meetings/:id/agenda/assemble': 'meeting.run',
  'POST meetings/:id/close': 'meeting.run',
  'POST meetings/:id/cancel': 'meeting.cancel',
  'POST meetings/:id/confidentiality/accept': 'confidentiality.accept',
  'POST meetings/:id/guests': 'meeting.run',
  'POST meetings/:id/minutes/addenda': 'minutes.addendum',
  'POST meetings/:id/minutes/approve': 'minutes.approve',
  'POST meetings/:id/minutes/comments': 'minutes.comment',
  'POST meetings/:id/minutes/comments/:commentId/resolve': 'minutes.edit',
  'POST meetings/:id/minutes/send': 'minutes.edit',
  'POST meetings/:id/reopen': 'meeting.run',
  'POST meetings/:id/start': 'meeting.run',
  'POST networks': 'network.create',
  'POST networks/:id/admin-changes/seen': 'accessLog.read',
  'POST networks/:id/cases': 'case.create',
  'POST networks/:id/confidentiality/accept': 'confidentiality.accept',
  'POST networks/:id/covenant/signatures': 'covenant.sign',
  'POST networks/:id/meetings': 'meeting.plan',
  'POST networks/:id/members': 'network.manage',
  'POST networks/:id/questions': 'question.create',
  'POST networks/:id/questions/scan': 'question.scan',
  'POST networks/:id/role-review': 'network.reviewRoles',
  'POST networks/:id/roles': 'network.manage',
  'POST organisations': 'organisation.manage',
  'POST questions/:id/answer': 'question.answer',
  'POST questions/:id/convert': 'question.convert',
  'POST questions/:id/messages': 'question.message',
  'POST questions/:id/withdraw': 'question.withdraw',
  'POST users': 'user.manage',
  'POST users/:id/activation': 'user.manage',
  'POST users/:id/mfa/reset': 'user.manage',
  'PUT meetings/:id/attendance': 'meeting.run',
  'PUT networks/:id/covenant': 'covenant.edit',
};

describe('Access per route, role and network', () => {
  let t: TestApp;
  let make: Factories;
  let routes: Route[];
  const agents = {} as Record<Actor, Agent>;
  const ids = {} as Record<
    'network' | 'case' | 'question' | 'meeting' | 'item' | 'action' | 'comment' | 'organisation' | 'user' | 'referral',
    string
  >;
  let guestEmail: string;

  beforeAll(async () => {
    t = await TestApp.start();
    make = await Factories.for(t);
    routes = routesOf(t);
    const s = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const other = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
    const c = s.coordinator.agent;
    ids.network = s.network.id;
    ids.organisation = s.shell.organisation.id;
    ids.user = s.shell.user.id;
    ids.case = (await s.core.agent.post(`/api/networks/${ids.network}/cases`).send(caseBody()).expect(201)).body.id;
    await c.patch(`/api/cases/${ids.case}`).send({ status: 'ACCEPTED' }).expect(200);
    ids.question = (
      await s.volunteer.agent
        .post(`/api/networks/${ids.network}/questions`)
        .send({
          title: 'Zorgen om een buurvrouw',
          situation: 'Een oudere vrouw komt de deur niet meer uit.',
          question: 'Wie kan hier op af?',
          problemAreas: ['SOCIAL_NETWORK'],
        })
        .expect(201)
    ).body.id;
    ids.meeting = (
      await c
        .post(`/api/networks/${ids.network}/meetings`)
        .send({ startsAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), durationMinutes: 60 })
        .expect(201)
    ).body.id;
    const agenda = (await c.post(`/api/meetings/${ids.meeting}/agenda/assemble`).expect(200)).body.agenda as {
      id: string;
      case: unknown;
    }[];
    ids.item = agenda.find((i) => i.case)!.id;
    const guestOrganisation = await make.organisation();
    const guest = await make.user(guestOrganisation.id);
    guestEmail = guest.email;
    await c
      .post(`/api/meetings/${ids.meeting}/guests`)
      .send({ userId: guest.id, itemIds: [ids.item] })
      .expect(201);
    await c
      .put(`/api/meetings/${ids.meeting}/attendance`)
      .send({ attendance: [{ organisationId: s.core.organisation.id, status: 'PRESENT', userIds: [s.core.user.id] }] })
      .expect(200);
    await c.post(`/api/meetings/${ids.meeting}/start`).expect(200);
    ids.action = (
      await c
        .post(`/api/meetings/${ids.meeting}/agenda/${ids.item}/actions`)
        .send({ description: 'Huisbezoek afleggen', ownerOrganisationId: s.core.organisation.id, dueDate: '2026-12-20' })
        .expect(201)
    ).body.id;
    await c.post(`/api/meetings/${ids.meeting}/close`).expect(200);
    await c.post(`/api/meetings/${ids.meeting}/minutes/send`).expect(200);
    const sectionId = (await c.get(`/api/meetings/${ids.meeting}/minutes`).expect(200)).body.sections[0].id;
    const commented = await s.core.agent
      .post(`/api/meetings/${ids.meeting}/minutes/comments`)
      .send({ sectionId, text: 'Graag de datum aanpassen.' })
      .expect(201);
    ids.comment = commented.body.sections[0].comments[0].id;
    // A case of the other network referred to this one (issue #14): the referral is decided here.
    const elsewhere = (await other.coordinator.agent.post(`/api/networks/${other.network.id}/cases`).send(caseBody()).expect(201)).body.id;
    ids.referral = (
      await other.coordinator.agent
        .post(`/api/cases/${elsewhere}/referrals`)
        .send({ toNetworkId: ids.network, reason: 'Past beter bij dit netwerk.' })
        .expect(201)
    ).body.id;

    agents.admin = await t.admin();
    agents.coordinator = c;
    agents.core = s.core.agent;
    agents.shell = s.shell.agent;
    agents.volunteer = s.volunteer.agent;
    agents.guest = await t.login(guest.email);
    agents.otherCoordinator = other.coordinator.agent;
    agents.outsider = await t.login((await make.user((await make.organisation()).id)).email);
    // The municipality (issue #13): a government organisation's user with the role in this network; another in the other network only.
    const government = await make.organisation('GOVERNMENT');
    const official = await make.user(government.id);
    await make.role(ids.network, official.id, 'MUNICIPALITY');
    agents.municipality = await t.login(official.email);
    const otherOfficial = await make.user(government.id);
    await make.role(other.network.id, otherOfficial.id, 'MUNICIPALITY');
    agents.otherMunicipality = await t.login(otherOfficial.email);
  });
  afterAll(() => t.close());

  it('finds every route of the app (the enumeration works)', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['PATCH cases/:id', 'GET meetings/:id/minutes.pdf', 'POST auth/login']),
    );
  });

  it('has a permission declared on every route that needs a session', () => {
    expect(routes.filter((r) => !r.isPublic && !r.permission).map((r) => `${r.method} ${r.path} (${r.name})`)).toEqual([]);
  });

  it('declares for every route the permission reviewed for it', () => {
    const declared = Object.fromEntries(routes.filter((r) => !r.isPublic).map((r) => [`${r.method} ${r.path}`, r.permission]));
    expect(declared).toEqual(DECLARED);
  });

  it('declares only permissions of the vocabulary, and the table knows every role', () => {
    for (const r of routes.filter((r) => r.permission)) expect(PERMISSIONS).toContain(r.permission);
    expect(Object.keys(ACCESS).sort()).toEqual([...ACCESS_ROLES].sort());
  });

  /** Where the call goes: the route with the world's ids in it. */
  function urlOf(route: Route): string {
    const object = routeObject(route.path, { id: 'x' }, {});
    const id = object
      ? {
          NETWORK: ids.network,
          CASE: ids.case,
          QUESTION: ids.question,
          MEETING: ids.meeting,
          MINUTES: ids.meeting,
          ACTION: ids.action,
          REFERRAL: ids.referral,
        }[object.type]
      : '';
    const path = route.path
      .replace(/^users\/:id(\/|$)/, `users/${ids.user}$1`)
      .replace(':id', id)
      .replace(':itemId', ids.item)
      .replace(':commentId', ids.comment)
      .replace(':organisationId', ids.organisation)
      .replace(':userId', ids.user);
    const query =
      route.path === 'meetings/:id/guest-candidate'
        ? `?email=${encodeURIComponent(guestEmail)}`
        : route.path.startsWith('networks/:id/figures')
          ? '?from=2026-01-01&to=2026-12-31'
          : '';
    return `/api/${path}${query}`;
  }

  /** What the table says this caller gets on this route: allowed (true or a condition), or refused with 403 or 404. */
  function expected(route: Route, actor: Actor, url: string): { allowed: 'yes' | 'condition' } | { refused: 403 | 404 } {
    const permission = route.permission!;
    const object = routeObject(route.path, { id: url.split('/')[3] ?? '' }, Object.fromEntries(new URL(`http://x${url}`).searchParams));
    if (!object) return canGlobally(actor === 'admin', permission) ? { allowed: 'yes' } : { refused: 403 };
    const role: AccessRole | null =
      actor === 'guest' && (object.type === 'MEETING' || object.type === 'MINUTES') ? 'GUEST' : ROLE_OF[actor];
    const grant = grantOf(role, permission);
    if (grant === true) return { allowed: 'yes' };
    if (grant !== undefined) return { allowed: 'condition' };
    const knows = role === 'ADMIN' ? ADMIN_KNOWS.has(permission) : role !== null && grantOf(role, READ[object.type]) !== undefined;
    return { refused: knows ? 403 : 404 };
  }

  it('gives the municipality only the network itself (and the figures) of everything about a network', () => {
    const networkRoutes = routes.filter((r) => r.permission && routeObject(r.path, { id: 'x' }, {}));
    const allowed = networkRoutes.filter((r) => grantOf('MUNICIPALITY', r.permission!) !== undefined).map((r) => `${r.method} ${r.path}`);
    const figures = ['GET networks/:id/figures', 'GET networks/:id/figures.csv', 'GET networks/:id/figures.pdf'];
    expect(allowed.filter((r) => !figures.includes(r))).toEqual(['GET networks/:id']);
    expect(allowed.filter((r) => figures.includes(r)).sort()).toEqual(figures);
  });

  it('answers every route for every caller as the table says', async () => {
    const wrong: string[] = [];
    let checked = 0;
    let skipped = 0;
    for (const route of routes.filter((r) => !r.isPublic && r.permission)) {
      for (const actor of ACTORS) {
        // The action list is about a network only with one: check both ways of calling it.
        const urls = route.path === 'actions' ? [urlOf(route), `${urlOf(route)}?scope=network&networkId=${ids.network}`] : [urlOf(route)];
        for (const url of urls) {
          const want = expected(route, actor, url);
          const readOnly = route.method === 'GET';
          // An allowed write without a body would really happen; its behaviour is in the module's own tests.
          if ('allowed' in want && !readOnly && !route.hasBody) {
            skipped++;
            continue;
          }
          const agent = agents[actor];
          const call = agent[route.method.toLowerCase() as 'get'](url);
          const res = route.hasBody ? await call.send({ matrixProbe: true }) : await call;
          checked++;
          const ok =
            'refused' in want
              ? res.status === want.refused
              : want.allowed === 'yes'
                ? route.hasBody
                  ? res.status === 400
                  : res.status < 400
                : res.status < 500 && res.status !== 401;
          if (!ok) wrong.push(`${route.method} ${url} as ${actor}: ${res.status}, table says ${JSON.stringify(want)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(500);
    expect(skipped).toBeLessThan(checked / 4);
  }, 300_000);
});

/** Every route of the running app, from the controllers Nest registered, with its declared permission. */
function routesOf(t: TestApp): Route[] {
  const out: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
        const handler = (metatype.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {}) as Record<string, unknown>;
        const own = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        for (const path of base.flatMap((b) => own.map((p) => [b, p].filter(Boolean).join('/')))) {
          out.push({
            method: RequestMethod[method],
            path: path.replace(/^\/+|\/+$/g, ''),
            name: `${metatype.name}.${name}`,
            permission: Reflect.getMetadata(REQUIRES, handler) ?? Reflect.getMetadata(REQUIRES, metatype),
            isPublic: (Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, metatype)) === true,
            hasBody: Object.keys(args).some((key) => Number(key.split(':')[0]) === RouteParamtypes.BODY),
          });
        }
      }
    }
  }
  return out;
}
