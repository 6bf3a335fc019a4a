import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * The request DTOs live in contract/ without Nest decorators; their class-validator rules are the
 * single source of truth, so the OpenAPI schemas are derived from them.
 */
export function dtoSchemas(): Record<string, SchemaObject> {
  // class-transformer's @Type tells the nested type of a list (attendance entries, minutes sections).
  return validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/', classTransformerMetadataStorage: defaultMetadataStorage }) as Record<string, SchemaObject>;
}
