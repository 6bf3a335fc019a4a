import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as ts from 'typescript';
import { apiRoutes, SESSION_SECURITY, type ApiRoute } from '../src/common/openapi';
import { Factories } from './support/factories';
import { TestApp } from './support/test-app';

/**
 * The OpenAPI document at /api/docs-json is a contract other tools can use (issue #10, ADR 10):
 * valid, complete (every route with its success response, its errors and its security), and good
 * enough to generate a typed client from that compiles under `tsc --strict` and agrees with the
 * contract's own types. A route added without a declared response fails here.
 */

interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; schema?: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
  security?: Record<string, string[]>[];
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>>; securitySchemes: Record<string, Record<string, unknown>> };
}

const WRITES = ['post', 'put', 'patch', 'delete'];
/** The routes anyone may call without a session. A new @Public() route must be added here, on purpose. */
const PUBLIC_ROUTES = [
  'GET /api/calendar/{file}',
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/health/ready',
  'POST /api/auth/activate',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
];
/**
 * Runs swagger-parser or openapi-typescript on the document (support/openapi-tools.mjs, in a child
 * process: both are ES modules, which Jest cannot load here). Returns what the tool printed.
 */
async function runTool(command: 'validate' | 'typescript', document: Document, dir: string, output = ''): Promise<string> {
  const input = join(dir, 'openapi.json');
  writeFileSync(input, JSON.stringify(document));
  const tool = join(__dirname, 'support/openapi-tools.mjs');
  return (await promisify(execFile)(process.execPath, [tool, command, input, output])).stdout;
}

const schemaName = (schema: Record<string, unknown> | undefined): string | undefined => {
  const ref = (schema?.['$ref'] ?? (schema?.['items'] as Record<string, unknown> | undefined)?.['$ref']) as string | undefined;
  return ref?.replace('#/components/schemas/', '');
};

describe('The OpenAPI document', () => {
  let t: TestApp;
  let document: Document;
  let routes: ApiRoute[];
  let dir: string;
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, path, method, operation })),
    );

  beforeAll(async () => {
    t = await TestApp.start();
    document = (await t.anonymous().get('/api/docs-json').expect(200)).body as Document;
    routes = apiRoutes(t.app, 'api');
    dir = mkdtempSync(join(tmpdir(), 'casustafel-openapi-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('is valid OpenAPI 3.0 and every reference resolves (swagger-parser)', async () => {
    expect(document.openapi).toMatch(/^3\.0\./);
    expect(await runTool('validate', document, dir)).toBe('valid');
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.filter((name) => !document.components.schemas[name])).toEqual([]);
  });

  it('lists every route Nest serves, and nothing else', () => {
    const served = routes.flatMap((r) => r.paths.map((path) => `${r.method.toUpperCase()} ${path}`)).sort();
    expect(
      operations()
        .map((o) => o.route)
        .sort(),
    ).toEqual(served);
    expect(served.length).toBeGreaterThan(60);
  });

  it('declares for every route its success response, with the status the route answers and a body (or 204 or 202 without one)', () => {
    const problems: string[] = [];
    for (const route of routes) {
      for (const path of route.paths) {
        const operation = document.paths[path][route.method];
        const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
        const statuses = success.map(([status]) => Number(status));
        if (statuses.length !== 1 || statuses[0] !== route.successStatus) {
          problems.push(
            `${route.method.toUpperCase()} ${path}: answers ${route.successStatus}, declares ${statuses.join(', ') || 'nothing'}`,
          );
          continue;
        }
        const [[status, response]] = success;
        // 204, and 202 (taken on, answered the same whatever happens next), have no body.
        const bodiless = status === '204' || status === '202';
        if (bodiless ? response.content !== undefined : Object.keys(response.content ?? {}).length === 0) {
          problems.push(`${route.method.toUpperCase()} ${path}: ${status} ${bodiless ? 'with' : 'without'} a body`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares JSON bodies by the contract type of each response', () => {
    const bodies = operations().map(({ route, operation }) => {
      const [status, response] = Object.entries(operation.responses).find(([s]) => /^2/.test(s))!;
      const [mediaType, { schema } = { schema: undefined }] = Object.entries(response.content ?? {})[0] ?? [];
      return `${route} ${status} ${mediaType ?? '-'} ${schema?.['type'] === 'array' ? `${schemaName(schema)}[]` : (schemaName(schema) ?? schema?.['type'])}`;
    });
    expect(bodies).toEqual(
      expect.arrayContaining([
        'GET /api/cases/{id} 200 application/json CaseView',
        'GET /api/meetings/{id} 200 application/json MeetingView',
        'GET /api/actions 200 application/json ActionView[]',
        'GET /api/meetings/{id}/minutes 200 application/json MinutesView',
        'POST /api/networks/{id}/meetings 201 application/json PlannedMeetings',
        'DELETE /api/meetings/{id}/agenda/{itemId} 204 - undefined',
      ]),
    );
  });

  it('declares the files as PDF, CSV and iCalendar, and their errors as JSON', () => {
    const files = operations()
      .map(({ route, operation }) => ({ route, operation, ok: operation.responses['200']?.content ?? {} }))
      .filter(({ ok }) => !ok['application/json'] && Object.keys(ok).length > 0);
    expect(
      files.map(({ route, ok }) => `${route} ${Object.keys(ok).join()} ${JSON.stringify(Object.values(ok)[0].schema)}`).sort(),
    ).toEqual([
      'GET /api/calendar/{file} text/calendar {"type":"string"}',
      'GET /api/cases/{id}/access-report.pdf application/pdf {"type":"string","format":"binary"}',
      'GET /api/meetings/{id}/minutes.pdf application/pdf {"type":"string","format":"binary"}',
      'GET /api/networks/{id}/actions.csv text/csv {"type":"string"}',
      'GET /api/networks/{id}/actions.pdf application/pdf {"type":"string","format":"binary"}',
      'GET /api/networks/{id}/figures.csv text/csv {"type":"string"}',
      'GET /api/networks/{id}/figures.pdf application/pdf {"type":"string","format":"binary"}',
    ]);
    for (const { operation } of files) {
      expect(Object.keys(operation.responses['404'].content!)).toEqual(['application/json']);
    }
  });

  it('needs the session cookie on every route but the public ones', () => {
    expect(document.components.securitySchemes[SESSION_SECURITY]).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'casustafel_session',
    });
    const open = operations().filter(({ operation }) => operation.security?.length === 0);
    const guarded = operations().filter(
      ({ operation }) => JSON.stringify(operation.security) === JSON.stringify([{ [SESSION_SECURITY]: [] }]),
    );
    expect(open.map((o) => o.route).sort()).toEqual(PUBLIC_ROUTES);
    expect(guarded.length + open.length).toBe(operations().length);
    // The public routes are the ones the guard lets through.
    expect(
      routes
        .filter((r) => r.isPublic)
        .flatMap((r) => r.paths.map((p) => `${r.method.toUpperCase()} ${p}`))
        .sort(),
    ).toEqual(PUBLIC_ROUTES);
  });

  it('declares the errors every route can give, in the ApiError shape (422 with findings)', () => {
    const problems: string[] = [];
    for (const { route, method, operation } of operations()) {
      const expected = ['403'];
      if (!PUBLIC_ROUTES.includes(route) || route === 'POST /api/auth/login') expected.push('401');
      if (WRITES.includes(method)) expected.push('400', '413', '415');
      if ((operation.parameters ?? []).some((p) => p.in === 'path')) expected.push('404');
      if ((operation.parameters ?? []).some((p) => p.in === 'query')) expected.push('400', '404');
      for (const status of expected) {
        const schema = operation.responses[status]?.content?.['application/json']?.schema;
        if (schemaName(schema) !== 'ApiError' && !(status === '400' && schemaName(schema) === 'IdentifyingDataError'))
          problems.push(`${route}: ${status} missing`);
      }
    }
    expect(problems).toEqual([]);
    const apiError = document.components.schemas['ApiError'];
    expect(apiError['required']).toEqual(expect.arrayContaining(['statusCode', 'message', 'error']));
    expect(Object.keys(apiError['properties'] as object)).toContain('fields');
    const identifying = document.components.schemas['IdentifyingDataError'];
    expect(identifying['required']).toEqual(expect.arrayContaining(['statusCode', 'message', 'error', 'findings']));

    const has = (route: string, status: string, schema = 'ApiError') => {
      const [method, path] = route.split(' ');
      const declared = document.paths[path][method.toLowerCase()].responses[status]?.content?.['application/json']?.schema;
      // A create route's 422 is either the identity guard's or a reused Idempotency-Key's (anyOf).
      const names = Array.isArray(declared?.['anyOf'])
        ? (declared['anyOf'] as Record<string, unknown>[]).map(schemaName)
        : [schemaName(declared)];
      return names.includes(schema);
    };
    // The identity guard: routes whose body holds free text, nested text included (minutes sections).
    expect(has('POST /api/networks/{id}/questions', '422', 'IdentifyingDataError')).toBe(true);
    expect(has('PATCH /api/meetings/{id}/minutes', '422', 'IdentifyingDataError')).toBe(true);
    expect(has('POST /api/networks/{id}/members', '422', 'IdentifyingDataError')).toBe(false);
    // Declared per route: a stale version, the login's throttle.
    expect(has('PATCH /api/actions/{id}', '409')).toBe(true);
    expect(has('PATCH /api/meetings/{id}/agenda/{itemId}', '409')).toBe(true);
    expect(has('POST /api/auth/login', '429')).toBe(true);
    // No session is needed to log out, so it answers no 401.
    expect(has('POST /api/auth/logout', '401')).toBe(false);
    // A create route takes an Idempotency-Key (ADR 0016): the header, 409 while the first runs, 422 for a reused key.
    const headerOf = (route: string) => {
      const [method, path] = route.split(' ');
      return (document.paths[path][method.toLowerCase()].parameters ?? []).find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
    };
    for (const route of ['POST /api/networks/{id}/cases', 'POST /api/networks/{id}/meetings', 'POST /api/organisations']) {
      expect(headerOf(route)).toMatchObject({ required: false, schema: { type: 'string' } });
      expect(has(route, '409')).toBe(true);
      expect(has(route, '422')).toBe(true);
    }
    expect(has('POST /api/networks/{id}/questions', '422', 'IdentifyingDataError')).toBe(true);
    expect(headerOf('POST /api/meetings/{id}/start')).toBeUndefined();
    expect(has('POST /api/meetings/{id}/start', '422')).toBe(false);
  });

  it('gives a typed client (openapi-typescript) that compiles under tsc --strict and matches the contract types', async () => {
    await runTool('typescript', document, dir, join(dir, 'api.ts'));
    const names = Object.keys(document.components.schemas).filter((name) =>
      operations().some(({ operation }) =>
        Object.values(operation.responses).some((response) =>
          Object.values(response.content ?? {}).some(({ schema }) => schemaName(schema) === name),
        ),
      ),
    );
    expect(names).toEqual(
      expect.arrayContaining(['CaseView', 'MeetingView', 'ActionView', 'MinutesView', 'ApiError', 'IdentifyingDataError']),
    );
    {
      const contract = resolve(__dirname, '../../contract/src/response-bodies');
      writeFileSync(
        join(dir, 'check.ts'),
        [
          `import type { components, paths } from './api';`,
          `import type { ResponseBodies } from ${JSON.stringify(contract)};`,
          `type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
          ...names.map((name) => `export const ${name}: Same<components['schemas']['${name}'], ResponseBodies['${name}']> = true;`),
          `type CaseResponse = paths['/api/cases/{id}']['get']['responses'][200]['content']['application/json'];`,
          `export const caseResponse: Same<CaseResponse, ResponseBodies['CaseView']> = true;`,
          `type MinutesPdf = paths['/api/meetings/{id}/minutes.pdf']['get']['responses'][200]['content']['application/pdf'];`,
          `export const minutesPdf: Same<MinutesPdf, string> = true;`,
          '',
        ].join('\n'),
      );
      const program = ts.createProgram([join(dir, 'check.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        skipLibCheck: true,
        types: [],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
    }
  }, 120_000);

  it('documents the meeting start the server accepts: 2026-12-01T09:30:00Z', async () => {
    const make = await Factories.for(t);
    const s = await make.staffedNetwork();
    const startsAt = `${new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 19)}Z`;
    const pattern = (document.components.schemas['CreateMeetingDto']['properties'] as Record<string, { pattern: string }>)['startsAt']
      .pattern;
    expect(new RegExp(pattern).test(startsAt)).toBe(true);
    await s.coordinator.agent.post(`/api/networks/${s.network.id}/meetings`).send({ startsAt, durationMinutes: 60 }).expect(201);
  });
});
