import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { ResponseBodies, ResponseBodyName } from '@casustafel/contract/response-bodies';

/**
 * What a route answers, for the OpenAPI document (ADR 10). The success response names a type of
 * `ResponseBodies` ('CaseView', or 'ActionView[]' for a list), and the decorator only fits a method
 * that returns that type: `@ApiOkBody('CaseView')` on a method returning `Promise<ActionView>` does
 * not compile. The error responses every route shares (400, 401, 403, 404, 413, 415, 422) are added
 * to the document from the route itself (common/openapi.ts); the ones a service decides on (409,
 * the 401 and 429 of the login) are declared here, per route.
 */

/** A body name, or a list of it: 'CaseView' or 'CaseView[]'. */
export type BodyName = ResponseBodyName | `${ResponseBodyName}[]`;
export type BodyOf<N extends BodyName> = N extends `${infer Item extends ResponseBodyName}[]`
  ? ResponseBodies[Item][]
  : N extends ResponseBodyName
    ? ResponseBodies[N]
    : never;

/** A method decorator that fits only a handler returning T or a promise of T. */
export type Returning<T> = (target: object, key: string | symbol, descriptor: { value?: (...args: never[]) => T | Promise<T> }) => void;

function returning<T>(decorator: MethodDecorator): Returning<T> {
  return (target, key, descriptor) => decorator(target, key, descriptor as PropertyDescriptor);
}

/** The schema of a body name: a reference to the component, or an array of references. */
export function bodySchema(name: BodyName): { $ref: string } | { type: 'array'; items: { $ref: string } } {
  return name.endsWith('[]') ? { type: 'array', items: { $ref: getSchemaPath(name.slice(0, -2)) } } : { $ref: getSchemaPath(name) };
}

const json = (name: BodyName) => ({ content: { 'application/json': { schema: bodySchema(name) } } });

/** 200 with the named body as JSON. */
export function ApiOkBody<N extends BodyName>(name: N, description = 'OK'): Returning<BodyOf<N>> {
  return returning(ApiOkResponse({ description, ...json(name) }));
}

/** 201 with the named body as JSON (the route says @HttpCode(201) or is a POST). */
export function ApiCreatedBody<N extends BodyName>(name: N, description = 'Aangemaakt'): Returning<BodyOf<N>> {
  return returning(ApiCreatedResponse({ description, ...json(name) }));
}

/** 204 without a body. */
export function ApiNoContentBody(description = 'Gedaan; geen inhoud'): Returning<void> {
  return returning(ApiNoContentResponse({ description }));
}

/** 202 without a body: taken on, done in the background (the same answer whatever the outcome). */
export function ApiAcceptedNoBody(description = 'Aangenomen'): Returning<void> {
  return returning(ApiAcceptedResponse({ description }));
}

/** The media types the API sends files in; each is text or bytes with a file name. */
const FILE_SCHEMAS = {
  'application/pdf': { type: 'string', format: 'binary' },
  'text/csv': { type: 'string' },
  'text/calendar': { type: 'string' },
} as const;

/**
 * 200 with a file of this media type. The content type is declared on the success response only:
 * @ApiProduces would declare it for the error responses too, which are JSON.
 */
export function ApiFileBody(mediaType: keyof typeof FILE_SCHEMAS, description: string): MethodDecorator {
  return ApiOkResponse({
    description,
    headers:
      mediaType === 'text/calendar'
        ? undefined
        : { 'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' } } },
    content: { [mediaType]: { schema: FILE_SCHEMAS[mediaType] } },
  });
}

const apiError = { schema: { $ref: getSchemaPath('ApiError') } };

/** 409: the request clashes with the state of the record (a stale version, a closed meeting, a duplicate). */
export const ApiConflictError = (description: string): MethodDecorator => ApiConflictResponse({ description, ...apiError });

/** 401 on a public route that checks credentials itself (the login). */
export const ApiUnauthorizedError = (description: string): MethodDecorator => ApiUnauthorizedResponse({ description, ...apiError });

/** 429: too many attempts; try again later. */
export const ApiTooManyRequestsError = (description: string): MethodDecorator => ApiTooManyRequestsResponse({ description, ...apiError });
