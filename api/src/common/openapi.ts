import { RequestMethod, type INestApplication, type PipeTransform, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, getSchemaPath, SwaggerModule } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { IS_DATE_STRING, IS_ISO8601, MAX, MIN, ValidationTypes } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { freeTextFields } from '@casustafel/contract/free-text';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_TTL_HOURS } from '@casustafel/contract/meeting-rules';
import { IDEMPOTENT, IS_PUBLIC } from './decorators';
import { IdPipe } from './id.pipe';
import { MAX_BODY_BYTES } from './request-guards';
import { RESPONSE_SCHEMAS } from './response-schemas.generated';

/**
 * The OpenAPI document (ADR 4, ADR 10). Nest's swagger module lists the routes; this file adds
 * what it cannot know: the request schemas (from the class-validator rules of contract/'s DTOs),
 * the response schemas (generated from contract/'s view types), the query parameters of query DTOs,
 * the session cookie on every route that needs it, and the error responses each route can give.
 */

/** The name of the security scheme of the session cookie. */
export const SESSION_SECURITY = 'session';

/**
 * Dates and date-times as the API reads them (class-validator's IsDateString and IsISO8601, then
 * common/amsterdam-time.ts): a calendar date, optionally with a time in minutes or seconds (with a
 * fraction), optionally with Z or an offset of hours and minutes; without one the time is Amsterdam
 * time. 2026-12-01, 2026-12-01T09:30, 2026-12-01T09:30:00Z and 2026-12-01T09:30:00.000+01:00 all match. The server accepts a few more
 * exotic ISO 8601 forms (week dates, ordinal dates) that clients have no reason to send.
 */
export const ISO_DATE_TIME_PATTERN =
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])([T ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?(Z|[+-]([01]\\d|2[0-3]):?[0-5]\\d)?)?$';

/**
 * The request DTOs live in contract/ without Nest decorators; their class-validator rules are the
 * single source of truth, so the OpenAPI schemas are derived from them. The converters correct
 * class-validator-jsonschema where its output is not what the server accepts or not OpenAPI 3.0.
 */
export function dtoSchemas(): Record<string, SchemaObject> {
  const schemas = validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    // class-transformer's @Type tells the nested type of a list (attendance entries, minutes sections).
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: {
      // Presence is what `required` says; OpenAPI 3.0 has no type "null" to exclude.
      [ValidationTypes.IS_DEFINED]: {},
      // The library's own pattern demands fractional seconds and has no anchors.
      [IS_DATE_STRING]: { type: 'string', pattern: ISO_DATE_TIME_PATTERN },
      [IS_ISO8601]: { type: 'string', pattern: ISO_DATE_TIME_PATTERN },
      // Min and Max say nothing about the type: IsInt (integer) must not become "number" beside them.
      [MIN]: (meta) => ({ minimum: meta.constraints[0] as number }),
      [MAX]: (meta) => ({ maximum: meta.constraints[0] as number }),
      // The covenant's matrix has the same shape as the one CovenantView returns.
      isDisclosureMatrix: () => ({ $ref: getSchemaPath('DisclosureMatrix') }),
    },
  }) as Record<string, SchemaObject>;
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, withoutRefSiblings(schema)]));
}

/** OpenAPI 3.0 ignores every keyword beside a $ref ("type": "object" from @IsObject); they are dropped. */
function withoutRefSiblings(schema: SchemaObject): SchemaObject {
  const node = schema as Record<string, unknown>;
  if (typeof node['$ref'] === 'string') return { $ref: node['$ref'] } as SchemaObject;
  const out: Record<string, unknown> = { ...node };
  for (const key of ['items', 'additionalProperties', 'not'] as const) {
    if (node[key] && typeof node[key] === 'object') out[key] = withoutRefSiblings(node[key] as SchemaObject);
  }
  for (const key of ['properties'] as const) {
    if (node[key]) {
      out[key] = Object.fromEntries(Object.entries(node[key] as Record<string, SchemaObject>).map(([k, v]) => [k, withoutRefSiblings(v)]));
    }
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[key])) out[key] = (node[key] as SchemaObject[]).map(withoutRefSiblings);
  }
  return out as SchemaObject;
}

/** One handler of a controller, as Nest routes it. */
export interface ApiRoute {
  controller: Type<unknown>;
  handlerName: string;
  /** Lower case, as in the document: 'get', 'post', … */
  method: string;
  /** Document paths: '/api/cases/{id}'. */
  paths: string[];
  /** Marked @Public() (on the method or its controller): no session needed. */
  isPublic: boolean;
  /** The status of a successful answer: @HttpCode, else 201 for POST and 200 for the rest. */
  successStatus: number;
  /** The class of the @Body() parameter, if any. */
  bodyType: Type<unknown> | null;
  /** The classes of @Query() parameters that take the whole query (query DTOs). */
  queryTypes: Type<unknown>[];
  /** Path parameters read without IdPipe (anything but a UUID answers 400, not 404). */
  plainPathParameters: string[];
}

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: (PipeTransform | Type<PipeTransform>)[];
}

/** Every route of every controller, read from the metadata Nest routes by. */
export function apiRoutes(app: INestApplication, prefix = 'api'): ApiRoute[] {
  const join = (...parts: string[]) =>
    `/${parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')}`.replace(/:(\w+)/g, '{$1}');
  const routes: ApiRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const controller = metatype as Type<unknown>;
      const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const args = Object.entries(
          (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, RouteArgument>,
        ).map(([key, arg]) => ({ ...arg, kind: Number(key.split(':')[0]) as RouteParamtypes }));
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as Type<unknown>[];
        const methodPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const isPublic = Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller) ?? false;
        const body = args.find((arg) => arg.kind === RouteParamtypes.BODY && arg.data === undefined);
        routes.push({
          controller,
          handlerName: name,
          method: RequestMethod[method].toLowerCase(),
          paths: controllerPaths.flatMap((c) => methodPaths.map((m) => join(prefix, c, m))),
          isPublic: isPublic === true,
          successStatus:
            (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === RequestMethod.POST ? 201 : 200),
          bodyType: body ? (types[body.index] ?? null) : null,
          queryTypes: args
            .filter((arg) => arg.kind === RouteParamtypes.QUERY && arg.data === undefined)
            .map((arg) => types[arg.index])
            .filter((type): type is Type<unknown> => typeof type === 'function'),
          plainPathParameters: args
            .filter((arg) => arg.kind === RouteParamtypes.PARAM && !(arg.pipes ?? []).includes(IdPipe))
            .map((arg) => String(arg.data)),
        });
      }
    }
  }
  return routes;
}

/** The document served at /api/docs-json. */
export function createApiDocument(app: INestApplication, prefix = 'api'): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Casustafel API')
      .setDescription(
        'Casusoverleg voor OGGZ- en buurtnetwerken. Alle foutmeldingen zijn Nederlandstalig. ' +
          'Log in met POST /api/auth/login; de sessie zit daarna in een cookie.',
      )
      .setVersion('0.1.0')
      // The API serves its own document: the paths are relative to the origin it came from.
      .addServer('/')
      .addCookieAuth(
        SESSION_COOKIE,
        { type: 'apiKey', in: 'cookie', description: 'De sessie, gezet door POST /api/auth/login.' },
        SESSION_SECURITY,
      )
      .build(),
  );
  const schemas = dtoSchemas();
  for (const [name, schema] of Object.entries(RESPONSE_SCHEMAS)) {
    if (schemas[name]) throw new Error(`The response type ${name} has the name of a request DTO; rename one of them`);
    schemas[name] = schema;
  }
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  for (const route of apiRoutes(app, prefix)) {
    for (const path of route.paths) {
      const operation = (document.paths[path] as Record<string, OperationObject | undefined> | undefined)?.[route.method];
      if (!operation) continue;
      addQueryDtoParameters(operation, route, schemas);
      for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
        // Ids in the path are read with IdPipe: anything but a UUID is not found.
        if (parameter.in === 'path' && !route.plainPathParameters.includes(parameter.name))
          parameter.schema = { type: 'string', format: 'uuid' };
      }
      operation.security = route.isPublic ? [] : [{ [SESSION_SECURITY]: [] }];
      addErrorResponses(operation, route, schemas);
      if (Reflect.getMetadata(IDEMPOTENT, (route.controller.prototype as Record<string, object>)[route.handlerName]) === true)
        addIdempotencyKey(operation);
    }
  }
  return document;
}

/**
 * Query DTOs (`@Query() query: CaseListQuery`) carry no swagger decorators, so the document would
 * not list their parameters. This adds them from the DTO's own schema, so that tools and the tests
 * that walk the document (the leak crawler) know every query parameter of every route.
 */
function addQueryDtoParameters(operation: OperationObject, route: ApiRoute, schemas: Record<string, SchemaObject>): void {
  for (const type of route.queryTypes) {
    const schema = schemas[type.name] as (SchemaObject & { properties?: Record<string, SchemaObject>; required?: string[] }) | undefined;
    if (!schema) continue;
    const parameters = Object.entries(schema.properties ?? {}).map(([property, propertySchema]): ParameterObject => ({
      name: property,
      in: 'query',
      required: schema.required?.includes(property) ?? false,
      schema: propertySchema,
    }));
    operation.parameters = [...(operation.parameters ?? []), ...parameters];
  }
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Het verzoek is niet geldig: `message` zegt wat er mis is, `fields` per veld.',
  401: 'Niet ingelogd, of de sessie is verlopen.',
  403: 'Geen toestemming hiervoor, of het verzoek komt van een andere website (Origin).',
  404: 'Niet gevonden, of niet zichtbaar voor jou.',
  413: `Het verzoek is groter dan ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
  415: 'Stuur de gegevens als JSON (Content-Type: application/json), zonder compressie.',
  422: 'De tekst bevat gegevens waarmee iemand te herkennen is; er is niets opgeslagen. `findings` zegt waar.',
};

/**
 * The error responses a route can give, from what it is: every route may be refused (403: the
 * Origin check covers all of /api), a route with a session may answer 401, one with path or query
 * parameters 404, one with parameters or a body 400, every write 413 and 415 (the body parser), and
 * a route whose body holds free text 422 (the identity guard). Responses a route declares itself
 * (409, the login's 401 and 429) are kept.
 */
function addErrorResponses(operation: OperationObject, route: ApiRoute, schemas: Record<string, SchemaObject>): void {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const write = ['post', 'put', 'patch', 'delete'].includes(route.method);
  const hasQuery = parameters.some((p) => p.in === 'query');
  const hasPath = parameters.some((p) => p.in === 'path');
  const statuses: number[] = [403];
  if (write || hasQuery || route.plainPathParameters.length > 0) statuses.push(400);
  if (!route.isPublic) statuses.push(401);
  if (hasPath || hasQuery) statuses.push(404);
  if (write) statuses.push(413, 415);
  if (route.bodyType && holdsFreeText(route.bodyType, schemas)) statuses.push(422);
  for (const status of statuses.sort()) {
    if (operation.responses[status]) continue;
    const schema = { $ref: getSchemaPath(status === 422 ? 'IdentifyingDataError' : 'ApiError') };
    operation.responses[status] = {
      description: ERROR_DESCRIPTIONS[status],
      content: { 'application/json': { schema } },
    } as ResponseObject;
  }
}

/**
 * A create route takes the optional Idempotency-Key header (ADR 0016): a repeat answers what the first
 * request answered (same status and body); the key used for another route or body is 422, a first
 * request still running after a few seconds 409.
 */
function addIdempotencyKey(operation: OperationObject): void {
  operation.parameters = [
    ...(operation.parameters ?? []),
    {
      name: IDEMPOTENCY_HEADER,
      in: 'header',
      required: false,
      description:
        `Eén sleutel per formulierverzending. Een herhaling met dezelfde sleutel door dezelfde gebruiker binnen ` +
        `${IDEMPOTENCY_TTL_HOURS} uur geeft het eerste antwoord terug (zelfde status, zelfde id) en maakt niets nieuws aan; ` +
        `het antwoord draagt dan de header Idempotent-Replayed: true. Mislukt het eerste verzoek, dan is de sleutel weer vrij.`,
      schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
    },
  ];
  const apiError = { $ref: getSchemaPath('ApiError') };
  const conflict = operation.responses[409] as ResponseObject | undefined;
  const still = 'Een eerder verzoek met dezelfde Idempotency-Key is nog bezig.';
  operation.responses[409] = conflict
    ? { ...conflict, description: `${conflict.description} Of: ${still.charAt(0).toLowerCase()}${still.slice(1)}` }
    : ({ description: still, content: { 'application/json': { schema: apiError } } } as ResponseObject);
  const unprocessable = operation.responses[422] as ResponseObject | undefined;
  const reused = 'De Idempotency-Key is al gebruikt voor een ander verzoek (andere route of inhoud).';
  operation.responses[422] = unprocessable
    ? ({
        description: `${unprocessable.description} Of: ${reused.charAt(0).toLowerCase()}${reused.slice(1)}`,
        content: { 'application/json': { schema: { anyOf: [{ $ref: getSchemaPath('IdentifyingDataError') }, apiError] } } },
      } as ResponseObject)
    : ({ description: reused, content: { 'application/json': { schema: apiError } } } as ResponseObject);
}

/** Whether a body DTO has a @FreeText() field, itself or in a nested DTO (as the identity guard walks it). */
function holdsFreeText(type: Type<unknown>, schemas: Record<string, SchemaObject>, seen = new Set<Type<unknown>>()): boolean {
  if (seen.has(type)) return false;
  seen.add(type);
  if (freeTextFields(type).size > 0) return true;
  const properties = Object.keys((schemas[type.name] as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
  return properties.some((property) => {
    const nested = defaultMetadataStorage.findTypeMetadata(type, property)?.typeFunction() as Type<unknown> | undefined;
    return typeof nested === 'function' && holdsFreeText(nested, schemas, seen);
  });
}
