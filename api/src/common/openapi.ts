import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * The request DTOs live in contract/ without Nest decorators; their class-validator rules are the
 * single source of truth, so the OpenAPI schemas are derived from them.
 */
export function dtoSchemas(): Record<string, SchemaObject> {
  // class-transformer's @Type tells the nested type of a list (attendance entries, minutes sections).
  return validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    classTransformerMetadataStorage: defaultMetadataStorage,
  }) as Record<string, SchemaObject>;
}

/**
 * Query DTOs (`@Query() query: CaseListQuery`) carry no swagger decorators, so the document would
 * not list their parameters. This adds them from the DTO's own schema, so that tools and the tests
 * that walk the document (the leak crawler) know every query parameter of every route.
 */
export function addQueryDtoParameters(
  app: INestApplication,
  document: OpenAPIObject,
  schemas: Record<string, SchemaObject>,
  prefix: string,
): void {
  const join = (...parts: string[]) =>
    `/${parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')}`.replace(/:(\w+)/g, '{$1}');
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
        const handler = (metatype.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const types = (Reflect.getMetadata('design:paramtypes', metatype.prototype, name) ?? []) as { name?: string }[];
        const dtos = Object.entries(args)
          .filter(([key, arg]) => Number(key.split(':')[0]) === RouteParamtypes.QUERY && arg.data === undefined)
          .map(([, arg]) => types[arg.index]?.name)
          .filter((dto): dto is string => !!dto && !!schemas[dto]);
        if (dtos.length === 0) continue;
        const methodPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        for (const path of controllerPaths.flatMap((c) => methodPaths.map((m) => join(prefix, c, m)))) {
          const operation = (document.paths[path] as Record<string, OperationObject | undefined> | undefined)?.[
            RequestMethod[method].toLowerCase()
          ];
          if (!operation) continue;
          for (const dto of dtos) {
            const schema = schemas[dto] as SchemaObject & { properties?: Record<string, SchemaObject>; required?: string[] };
            const parameters = Object.entries(schema.properties ?? {}).map(([property, propertySchema]): ParameterObject => ({
              name: property,
              in: 'query',
              required: schema.required?.includes(property) ?? false,
              schema: propertySchema,
            }));
            operation.parameters = [...(operation.parameters ?? []), ...parameters];
          }
        }
      }
    }
  }
}
