import { NotificationsService } from '../../src/notifications/notifications.service';
import fc from 'fast-check';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Factories, caseBody } from './factories';
import { bodies, type FuzzContext, type Schema } from './openapi-fuzz';
import { ADMIN, PASSWORD } from './test-app';
import { useTestApp } from './use-test-app';
import { answerProblems, type CheckedSchema } from './schema-check';

/**
 * Every write route in the OpenAPI document the app serves gets FUZZ_RUNS generated bodies (2,000 by
 * default) plus a few fixed hostile ones, sent as a signed-in coordinator (or the administrator, for
 * routes a coordinator may not use) against real ids of a populated network. No answer may be a 5xx,
 * or carry a stack frame, an internal error or one of class-validator's English messages, and every
 * answer must be one the OpenAPI document declares for the route (status, and shape for JSON). A route
 * added later is fuzzed without anyone touching this file. FUZZ_SEED replays a run. The municipality
 * of the same network (issue #13, ADR 0019) then sends the fixed bodies and a share of the generated
 * ones to every write route about a network's content: none may succeed (no 2xx) or break (no 5xx).
 *
 * The routes are dealt round-robin over `of` spec files (fuzz-1.api-spec.ts, …), so that Jest runs
 * the shards side by side, one per core.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_102);
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** What no answer may contain: stack frames, internal error names and texts, untranslated defaults. */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat [^\s()]+ \(|\bat .+:\d+:\d+|^\s+at /m],
  ['a source path', /node_modules|\/src\/|\.ts:\d+|\.js:\d+/],
  [
    'an internal error',
    /QueryFailedError|TypeORMError|EntityNotFound|Sqlite|SQLITE_|duplicate key|violates|constraint failed|TypeError|RangeError|ReferenceError|SyntaxError|Cannot read propert|is not a function|undefined is not|Maximum call stack|Internal server error/i,
  ],
  [
    'an English validation message',
    /must be |should not |nested property|an unknown value|each value in |in JSON at position|Unexpected token|Cannot (GET|POST|PUT|PATCH|DELETE) /,
  ],
];

/**
 * The answer's text without the strings of the request body that it echoes (stored text returned in
 * the view), as they appear in JSON: a random "at x (" that the fuzzer sent and the route stored is
 * not a stack frame of ours.
 */
export function withoutEchoes(text: string, body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return text;
  }
  const strings: string[] = [];
  // Iterative and bounded: the hostile bodies nest ten thousand deep.
  const pending: unknown[] = [parsed];
  for (let seen = 0; pending.length && seen < 10_000; seen++) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.length >= 3) strings.push(JSON.stringify(value).slice(1, -1), JSON.stringify(value.trim()).slice(1, -1));
    } else if (Array.isArray(value)) pending.push(...value);
    else if (value && typeof value === 'object') pending.push(...Object.values(value));
  }
  return strings.sort((a, b) => b.length - a.length).reduce((rest, s) => (s.length >= 3 ? rest.split(s).join('') : rest), text);
}

interface Route {
  method: string;
  path: string;
  schema: Schema | undefined;
  /** What the document says the route answers. */
  responses: Record<string, { content?: Record<string, { schema?: CheckedSchema }> }>;
}

interface Finding {
  route: string;
  status: number;
  problem: string;
  body: string;
  response: string;
}

export function fuzzWriteRoutes(shard: number, of: number): void {
  describe(`Fuzzing every write route (part ${shard + 1} of ${of})`, () => {
    const http = new HttpAgent({ keepAlive: true });
    // Declared before the app's hooks, so that the client's sockets go before the server closes.
    afterAll(() => http.destroy());
    const { t, make } = useTestApp();
    let port: number;
    let allRoutes: Route[];
    let routes: Route[];
    let schemas: Record<string, Schema>;
    const sessions = { coordinator: '', admin: '', municipality: '' };
    let people: Awaited<ReturnType<Factories['staffedNetwork']>>;
    let volunteerOrganisation: string;
    let official: { id: string; email: string };

    beforeAll(async () => {
      people = await make.staffedNetwork('NEIGHBOURHOOD', { accepted: true });
      volunteerOrganisation = people.volunteer.organisation.id;
      official = await make.user((await make.organisation('GOVERNMENT')).id);
      const server = await t.app.listen(0, '127.0.0.1');
      port = (server.address() as AddressInfo).port;
      const document = JSON.parse((await send('GET', '/api/docs-json')).text) as {
        paths: Record<
          string,
          Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; responses: Route['responses'] }>
        >;
        components: { schemas: Record<string, Schema> };
      };
      schemas = document.components.schemas;
      allRoutes = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([method]) => WRITE_METHODS.includes(method))
          .map(([method, operation]) => ({
            method: method.toUpperCase(),
            path,
            schema: operation.requestBody?.content?.['application/json']?.schema,
            responses: operation.responses,
          })),
      );
      routes = allRoutes.filter((_route, index) => index % of === shard);
    }, 60_000);

    function send(
      method: string,
      path: string,
      body?: string,
      cookie?: string,
    ): Promise<{ status: number; text: string; type: string; cookie?: string }> {
      return new Promise((resolve, reject) => {
        const headers: Record<string, string | number> = {};
        if (body !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        if (cookie) headers['Cookie'] = cookie;
        const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: http }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              type: res.headers['content-type'] ?? '',
              cookie: res.headers['set-cookie']?.[0]?.split(';')[0],
            }),
          );
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    }

    async function signIn(email: string, password: string): Promise<string> {
      const res = await send('POST', '/api/auth/login', JSON.stringify({ email, password }));
      if (res.status !== 200 || !res.cookie) throw new Error(`Inloggen als ${email} mislukt: ${res.status} ${res.text}`);
      return res.cookie;
    }

    async function call(session: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
      const res = await send(method, path, body === undefined ? undefined : JSON.stringify(body), session);
      if (res.status >= 300) throw new Error(`Opbouw: ${method} ${path} gaf ${res.status}: ${res.text}`);
      return res.text ? JSON.parse(res.text) : {};
    }

    /**
     * A fresh network for each route, so that one route's fuzzing (closing a meeting, removing a
     * member) does not leave the next with nothing to work on. The coordinator and a partner
     * organisation (the one member and user that routes may remove) come from the staffed network.
     */
    async function scene() {
      const admin = sessions.admin;
      const coordinator = sessions.coordinator;
      // The partner may have been deactivated by the fuzzing of PATCH /api/users/{id}.
      await call(admin, 'PATCH', `/api/users/${people.shell.user.id}`, { active: true });
      const network = await call(admin, 'POST', '/api/networks', {
        name: `Fuzz ${Math.random().toString(36).slice(2)}`,
        kind: 'NEIGHBOURHOOD',
        area: 'Soesterkwartier',
      });
      const n = `/api/networks/${network['id']}`;
      await call(admin, 'POST', `${n}/members`, { organisationId: people.coordinator.organisation.id, ring: 'CORE' });
      await call(admin, 'POST', `${n}/members`, { organisationId: people.shell.organisation.id, ring: 'SHELL' });
      await call(admin, 'POST', `${n}/roles`, { userId: people.coordinator.user.id, role: 'COORDINATOR' });
      await call(admin, 'POST', `${n}/roles`, { userId: people.shell.user.id, role: 'SHELL_PARTNER' });
      // An informal member (its capacity can be set) and the municipality (which may write nothing here).
      await call(admin, 'POST', `${n}/members`, { organisationId: volunteerOrganisation, ring: 'SHELL' });
      await call(admin, 'POST', `${n}/roles`, { userId: official.id, role: 'MUNICIPALITY' });
      await call(coordinator, 'POST', `${n}/confidentiality/accept`);
      const theCase = await call(coordinator, 'POST', `${n}/cases`, caseBody());
      await call(coordinator, 'PATCH', `/api/cases/${theCase['id']}`, { status: 'ACCEPTED' });
      // A case of the staffed network referred to this one (issue #14): the same coordinator decides on it here.
      const elsewhere = await call(coordinator, 'POST', `/api/networks/${people.network.id}/cases`, caseBody());
      const referral = await call(coordinator, 'POST', `/api/cases/${elsewhere['id']}/referrals`, {
        toNetworkId: network['id'],
        reason: 'Past beter bij het andere netwerk.',
      });
      const question = await call(coordinator, 'POST', `${n}/questions`, {
        title: 'Vraag over een buurman',
        situation: 'Een oudere buurman lijkt de laatste weken verward en laat de post liggen.',
        question: 'Bij wie kunnen we terecht voor een eerste inschatting?',
        problemAreas: ['SELF_CARE'],
      });
      const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
      const plan = async () => {
        const meeting = await call(coordinator, 'POST', `${n}/meetings`, { startsAt, durationMinutes: 90 });
        const m = `/api/meetings/${meeting['id']}`;
        const item = ((await call(coordinator, 'POST', `${m}/agenda/assemble`))['agenda'] as { id: string }[])[0];
        return { id: meeting['id'] as string, m, item };
      };
      const open = await plan();
      const action = await call(coordinator, 'POST', `${open.m}/agenda/${open.item.id}/actions`, {
        description: 'Huisbezoek afleggen',
        ownerOrganisationId: people.shell.organisation.id,
        dueDate: '2026-12-01',
      });
      const closed = await plan();
      await call(coordinator, 'PUT', `${closed.m}/attendance`, {
        attendance: [
          { organisationId: people.coordinator.organisation.id, status: 'PRESENT', userIds: [people.coordinator.user.id] },
          { organisationId: people.shell.organisation.id, status: 'PRESENT', userIds: [people.shell.user.id] },
        ],
      });
      await call(coordinator, 'POST', `${closed.m}/start`);
      await call(coordinator, 'POST', `${closed.m}/agenda/${closed.item.id}/actions`, {
        description: 'Terugkoppelen',
        ownerOrganisationId: people.coordinator.organisation.id,
        dueDate: '2026-12-01',
      });
      await call(coordinator, 'POST', `${closed.m}/close`);
      await call(coordinator, 'POST', `${closed.m}/minutes/send`);
      const sectionIds = ((await call(coordinator, 'GET', `${closed.m}/minutes`))['sections'] as { id: string }[]).map((s) => s.id);
      const minutes = await call(coordinator, 'POST', `${closed.m}/minutes/comments`, {
        sectionId: sectionIds[0],
        text: 'Graag de datum aanpassen.',
      });
      const comment = (minutes['sections'] as { comments: { id: string }[] }[]).flatMap((s) => s.comments)[0];
      // A notification of the coordinator's own (their own doings notify others, not them), for POST /api/notifications/{id}/read.
      await t.app.get(NotificationsService).deliver(
        {
          kind: 'MINUTES_APPROVED',
          networkId: network['id'] as string,
          caseId: null,
          subjectId: closed.id,
          params: { startsAt },
          link: `/overleggen/${closed.id}`,
        },
        [{ ...people.coordinator.user, organisationId: people.coordinator.organisation.id, role: 'COORDINATOR' }],
      );
      const notification = ((await call(coordinator, 'GET', '/api/notifications'))['items'] as { id: string }[])[0];

      /** Path parameters by the segment before them; minutes routes use the closed meeting. */
      const idFor = (path: string, segment: string): string | undefined =>
        ({
          networks: network['id'] as string,
          cases: theCase['id'] as string,
          questions: question['id'] as string,
          meetings: path.includes('/minutes') ? closed.id : open.id,
          agenda: path.includes('/minutes') ? closed.item.id : open.item.id,
          actions: action['id'] as string,
          comments: comment.id,
          members: volunteerOrganisation,
          roles: people.shell.user.id,
          users: people.shell.user.id,
          referrals: referral['id'] as string,
          notifications: notification.id,
        })[segment];
      const context: FuzzContext = {
        schemas,
        ids: [
          network['id'],
          theCase['id'],
          question['id'],
          open.id,
          open.item.id,
          action['id'],
          people.shell.organisation.id,
          volunteerOrganisation,
          people.shell.user.id,
          people.core.user.id,
        ].map(String),
        known: { sectionId: sectionIds, id: sectionIds },
      };
      return { idFor, context };
    }

    /** Fixed hostile bodies every route gets on top of the generated ones. */
    const FIXED = [
      '{"__proto__": {"isAdmin": true}}',
      '{"constructor": {"prototype": {"isAdmin": true}}}',
      '['.repeat(20_000) + ']'.repeat(20_000),
      '{"a": ' + 'x'.repeat(10),
      JSON.stringify({ text: 'x'.repeat(1_100_000) }),
    ];

    it(
      'answers every generated body on every write route without a 5xx or an internal detail',
      async () => {
        expect(allRoutes.length).toBeGreaterThanOrEqual(40);
        const started = Date.now();
        const findings: Finding[] = [];
        const unresolved: string[] = [];
        const report: string[] = [];
        sessions.admin = await signIn(ADMIN.email, ADMIN.password);
        sessions.coordinator = await signIn(people.coordinator.user.email, PASSWORD);
        sessions.municipality = await signIn(official.email, PASSWORD);

        for (const route of routes) {
          const routeStarted = Date.now();
          // Throttling and sessions count in minutes: every route starts in a quiet minute with live sessions.
          t.clock.advanceMinutes(2);
          if ((await send('GET', '/api/auth/me', undefined, sessions.admin)).status !== 200)
            sessions.admin = await signIn(ADMIN.email, ADMIN.password);
          if ((await send('GET', '/api/auth/me', undefined, sessions.coordinator)).status !== 200)
            sessions.coordinator = await signIn(people.coordinator.user.email, PASSWORD);
          if ((await send('GET', '/api/auth/me', undefined, sessions.municipality)).status !== 200)
            sessions.municipality = await signIn(official.email, PASSWORD);
          const { idFor, context } = await scene();
          const path = route.path.replace(/\{(\w+)\}/g, (_match, _name, offset: number) => {
            const segment =
              route.path
                .slice(0, offset - 1)
                .split('/')
                .pop() ?? '';
            const id = idFor(route.path, segment);
            if (!id) unresolved.push(`${route.method} ${route.path}`);
            return id ?? '00000000-0000-4000-8000-000000000000';
          });
          // Login and logout go without a session (a fuzzed logout would end it); a route that refuses the
          // coordinator as "only for an administrator" goes as the administrator.
          const adminOnly = async () => {
            const probe = await send(route.method, path, '{}', sessions.coordinator);
            return probe.status === 403 && /beheerder/i.test(probe.text);
          };
          const session = route.path.startsWith('/api/auth/') ? undefined : (await adminOnly()) ? sessions.admin : sessions.coordinator;
          const generated = fc.sample(bodies(route.schema, context), { numRuns: RUNS, seed: SEED + allRoutes.indexOf(route) });
          const statuses: Record<number, number> = {};
          for (const body of [...generated, ...FIXED]) {
            const res = await send(route.method, path, body, session);
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            // A route may store and return what it was sent (an answer's advice): only what did not come from the request counts.
            const answer = withoutEchoes(res.text, body);
            const leak = LEAKS.find(([, pattern]) => pattern.test(answer));
            // Every answer is one the document declares: its status, and for JSON its shape (issue #10).
            const undocumented = answerProblems(route.responses, res.status, res.type, res.text, schemas as Record<string, CheckedSchema>);
            if (res.status >= 500 || leak || undocumented.length) {
              findings.push({
                route: `${route.method} ${route.path}`,
                status: res.status,
                problem: leak?.[0] ?? (res.status >= 500 ? 'a 5xx' : `not as documented: ${undocumented.join('; ')}`),
                body: body.slice(0, 300),
                response: res.text.slice(0, 300),
              });
            }
          }
          // The municipality writes nothing in a network: every write about its content is refused (403/404), or fails validation first.
          if (/^\/api\/(networks\/\{|cases|questions|meetings|actions|referrals)/.test(route.path)) {
            for (const body of [...generated.slice(0, Math.max(10, Math.ceil(generated.length / 20))), ...FIXED]) {
              const res = await send(route.method, path, body, sessions.municipality);
              statuses[res.status] = (statuses[res.status] ?? 0) + 1;
              const leak = LEAKS.find(([, pattern]) => pattern.test(withoutEchoes(res.text, body)));
              if (res.status < 300 || res.status >= 500 || leak)
                findings.push({
                  route: `${route.method} ${route.path} (gemeente)`,
                  status: res.status,
                  problem: leak?.[0] ?? (res.status >= 500 ? 'a 5xx' : 'the municipality wrote in a network'),
                  body: body.slice(0, 300),
                  response: res.text.slice(0, 300),
                });
            }
          }
          const as = session === sessions.admin ? 'beheerder' : session ? 'coördinator' : 'anoniem';
          report.push(
            `${route.method} ${route.path} (${as}): ${generated.length + FIXED.length} bodies in ${Date.now() - routeStarted} ms, ${JSON.stringify(statuses)}`,
          );
        }

        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `\nFuzz, part ${shard + 1} of ${of}: ${routes.length} of ${allRoutes.length} write routes, ${RUNS} generated + ${FIXED.length} fixed bodies each, seed ${SEED}, ${seconds} s\n${report.join('\n')}\n`,
        );
        if (unresolved.length)
          process.stdout.write(
            `Fuzz: no real id for ${[...new Set(unresolved)].join(', ')}; fuzzed with an unknown id. Add the segment to idFor().\n`,
          );
        const distinct = [...new Map(findings.map((f) => [`${f.route} ${f.status} ${f.problem}`, f])).values()];
        expect(distinct).toEqual([]);
      },
      30 * 60_000,
    );
  });
}
