import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Generates the OpenAPI response schemas from the contract's view types (ADR 10): the interface
 * `ResponseBodies` in contract/src/response-bodies.ts names every JSON body the API sends, and
 * ts-json-schema-generator turns those types, and every type they use, into JSON Schema. The result
 * is translated to the OpenAPI 3.0 dialect and committed as RESPONSE_SCHEMAS; a unit test fails when
 * the committed file no longer matches the types. Regenerate with `npm run openapi:schemas`.
 */

const ROOT = resolve(__dirname, '../..');
export const REGISTRY_FILE = 'contract/src/response-bodies.ts';
export const REGISTRY_TYPE = 'ResponseBodies';
export const OUTPUT_FILE = 'api/src/common/response-schemas.generated.ts';

/** JSON Schema as ts-json-schema-generator writes it (draft-07). */
export type JsonSchema = { [keyword: string]: unknown };

/** OpenAPI 3.0 allows these characters in the name of a component. */
const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

/** The keywords toOpenApi30 knows how to translate; anything else stops the generation rather than slip through. */
const KNOWN_KEYWORDS = new Set([
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  'allOf',
  'description',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
]);

/**
 * The value null and nothing else, in OpenAPI 3.0 (which has no type "null"): `nullable` adds null to
 * a type, the enum then allows only null. Used as the member `| null` of a union or reference.
 */
export const NULL_ONLY = { type: 'object', nullable: true, enum: [null] } as const;

const isNullSchema = (schema: unknown): boolean =>
  typeof schema === 'object' && schema !== null && (schema as JsonSchema)['type'] === 'null' && Object.keys(schema).length === 1;

/**
 * One JSON Schema (draft-07) as an OpenAPI 3.0 Schema Object: `null` becomes `nullable: true` on a
 * type, and a member NULL_ONLY of a union or reference (`anyOf: [$ref, NULL_ONLY]`; OpenAPI 3.0.3
 * gives `nullable` no effect without a `type` beside it), `const` becomes a one-value `enum`,
 * keywords beside a `$ref` move beside an `allOf` (OpenAPI 3.0 ignores siblings of `$ref`), and
 * references point into components/schemas. A keyword or type without a 3.0 form throws.
 */
export function toOpenApi30(schema: JsonSchema, where = '#'): SchemaObject {
  for (const keyword of Object.keys(schema)) {
    if (!KNOWN_KEYWORDS.has(keyword)) throw new Error(`${where}: JSON Schema keyword "${keyword}" has no OpenAPI 3.0 translation here`);
  }
  const out: Record<string, unknown> = {};
  let nullable = false;
  for (const [keyword, value] of Object.entries(schema)) {
    switch (keyword) {
      case '$ref': {
        const name = String(value).replace(/^#\/definitions\//, '');
        if (!COMPONENT_NAME.test(name)) throw new Error(`${where}: "${name}" cannot be the name of an OpenAPI component`);
        out['$ref'] = `#/components/schemas/${name}`;
        break;
      }
      case 'type': {
        const types = ([] as unknown[]).concat(value);
        const nonNull = types.filter((type) => type !== 'null');
        if (nonNull.length !== 1) throw new Error(`${where}: a value of type ${types.join(' | ')} has no OpenAPI 3.0 form`);
        out['type'] = nonNull[0];
        nullable ||= nonNull.length < types.length;
        break;
      }
      case 'properties':
        out['properties'] = Object.fromEntries(
          Object.entries(value as Record<string, JsonSchema>).map(([name, property]) => [
            name,
            toOpenApi30(property, `${where}/properties/${name}`),
          ]),
        );
        break;
      case 'items':
        if (Array.isArray(value)) throw new Error(`${where}: tuples have no OpenAPI 3.0 form`);
        out['items'] = toOpenApi30(value as JsonSchema, `${where}/items`);
        break;
      case 'additionalProperties':
        out['additionalProperties'] =
          typeof value === 'boolean' ? value : toOpenApi30(value as JsonSchema, `${where}/additionalProperties`);
        break;
      case 'anyOf':
      case 'oneOf':
      case 'allOf': {
        const members = value as JsonSchema[];
        const rest = members.filter((member) => !isNullSchema(member));
        const converted = rest.map((member, i) => toOpenApi30(member, `${where}/${keyword}/${i}`) as Record<string, unknown>);
        if (rest.length === members.length) {
          out[keyword] = converted;
        } else if (keyword === 'allOf') {
          throw new Error(`${where}: allOf with null`);
        } else if (converted.length === 1 && !converted[0]['$ref'] && converted[0]['type']) {
          // X | null, X with a type of its own: X, made nullable.
          Object.assign(out, converted[0]);
          nullable = true;
        } else {
          // A reference or a union or null: null is a member of its own (nullable needs a type beside it).
          out[keyword] = [...converted, NULL_ONLY];
        }
        break;
      }
      case 'const':
        out['enum'] = [value];
        break;
      default:
        out[keyword] = value;
    }
  }
  if (nullable) {
    if (!out['type']) throw new Error(`${where}: nullable without a type`);
    out['nullable'] = true;
    // An enum lists every allowed value: null too (OpenAPI 3.0.3, "nullable").
    if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
  }
  if (out['$ref'] && Object.keys(out).length > 1) {
    const { $ref, ...siblings } = out;
    return { ...siblings, allOf: [{ $ref }] } as SchemaObject;
  }
  return out as SchemaObject;
}

/** The response schemas, by component name, from the contract's types as they are now (takes a few seconds). */
export function generateResponseSchemas(): Record<string, SchemaObject> {
  const generated = createGenerator({
    path: join(ROOT, REGISTRY_FILE),
    tsconfig: join(ROOT, 'contract/tsconfig.json'),
    type: REGISTRY_TYPE,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    encodeRefs: false,
    additionalProperties: false,
    // `tsc -p contract/tsconfig.json` checks the types; this only reads them.
    skipTypeCheck: true,
  }).createSchema(REGISTRY_TYPE);
  const { [REGISTRY_TYPE]: registry, ...definitions } = (generated.definitions ?? {}) as Record<string, JsonSchema>;
  for (const [name, entry] of Object.entries((registry?.['properties'] ?? {}) as Record<string, JsonSchema>)) {
    if (entry['$ref'] !== `#/definitions/${name}`) {
      throw new Error(`${REGISTRY_TYPE}.${name} must be a type named ${name} (the name it has in the OpenAPI document)`);
    }
  }
  return Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map((name) => {
        if (!COMPONENT_NAME.test(name)) throw new Error(`"${name}" cannot be the name of an OpenAPI component; give the type a plain name`);
        return [name, toOpenApi30(definitions[name], name)];
      }),
  );
}

/** Writes the generated file, formatted as the repository's Prettier settings say. */
export async function writeResponseSchemas(): Promise<string> {
  const schemas = generateResponseSchemas();
  const source = [
    `// Generated by api/tools/response-schemas.ts from ${REGISTRY_FILE}: do not edit. Regenerate with npm run openapi:schemas.`,
    `import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';`,
    '',
    `/** The OpenAPI 3.0 schemas of every response body (ResponseBodies) and of every type they use, by component name. */`,
    `export const RESPONSE_SCHEMAS: Record<string, SchemaObject> = ${JSON.stringify(schemas)};`,
    '',
  ].join('\n');
  const prettier = await import('prettier');
  const output = join(ROOT, OUTPUT_FILE);
  const formatted = await prettier.format(source, { ...(await prettier.resolveConfig(output)), filepath: output });
  writeFileSync(output, formatted);
  return `${OUTPUT_FILE}: ${Object.keys(schemas).length} schemas`;
}

if (require.main === module) {
  writeResponseSchemas().then(
    (summary) => process.stdout.write(`${summary}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
