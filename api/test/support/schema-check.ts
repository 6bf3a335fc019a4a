/**
 * Checks a JSON value against an OpenAPI 3.0 schema of the document, so that the tests that call
 * every route (the leak crawler, the write-route fuzzer) also prove that each answer is what the
 * document declares: its status, and for JSON its shape. It knows the keywords the document's
 * schemas use (type, nullable, enum, properties, required, additionalProperties, items, allOf,
 * anyOf, oneOf, $ref); formats and patterns are not checked.
 */

export interface CheckedSchema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, CheckedSchema>;
  required?: string[];
  additionalProperties?: boolean | CheckedSchema;
  items?: CheckedSchema;
  allOf?: CheckedSchema[];
  anyOf?: CheckedSchema[];
  oneOf?: CheckedSchema[];
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

/** Where the value differs from the schema, as "path: problem" lines; none when it conforms. */
export function schemaProblems(value: unknown, schema: CheckedSchema, schemas: Record<string, CheckedSchema>, path = '$'): string[] {
  if (schema.$ref) {
    const target = schemas[schema.$ref.replace('#/components/schemas/', '')];
    return target ? schemaProblems(value, target, schemas, path) : [`${path}: unknown schema ${schema.$ref}`];
  }
  if (value === null && (schema.nullable || schema.enum?.includes(null))) return [];
  const problems: string[] = [];
  if (schema.type) {
    const actual = typeOf(value);
    const fits = actual === schema.type || (schema.type === 'number' && actual === 'integer');
    if (!fits) return [`${path}: ${actual} where the document says ${schema.type}`];
  }
  if (schema.enum && !schema.enum.includes(value))
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  for (const part of schema.allOf ?? []) problems.push(...schemaProblems(value, part, schemas, path));
  for (const [keyword, members] of [
    ['anyOf', schema.anyOf],
    ['oneOf', schema.oneOf],
  ] as const) {
    if (members && !members.some((member) => schemaProblems(value, member, schemas, path).length === 0)) {
      problems.push(`${path}: matches none of ${keyword} (${members.map((m) => m.$ref ?? m.type).join(', ')})`);
    }
  }
  if (typeOf(value) === 'object' && (schema.properties || schema.additionalProperties !== undefined)) {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) problems.push(`${path}.${key}: missing`);
    for (const [key, child] of Object.entries(object)) {
      const declared = schema.properties?.[key];
      if (declared) problems.push(...schemaProblems(child, declared, schemas, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}.${key}: not in the document`);
      else if (typeof schema.additionalProperties === 'object')
        problems.push(...schemaProblems(child, schema.additionalProperties, schemas, `${path}.${key}`));
    }
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((item, i) => problems.push(...schemaProblems(item, schema.items!, schemas, `${path}[${i}]`)));
  return problems;
}

interface DocumentedResponse {
  content?: Record<string, { schema?: CheckedSchema }>;
}

/**
 * Whether an answer is one the document declares for the operation: its status is listed, and a
 * JSON body has the declared shape. Returns the problems (the first few per answer).
 */
export function answerProblems(
  responses: Record<string, DocumentedResponse> | undefined,
  status: number,
  contentType: string,
  body: string,
  schemas: Record<string, CheckedSchema>,
): string[] {
  const declared = responses?.[String(status)];
  if (!declared) return [`status ${status} is not declared`];
  const mediaType = contentType.split(';')[0].trim();
  // No body at all is right where the document declares none (204, and the 202 of a reset request).
  if (!mediaType) return status === 204 || (!declared.content && body === '') ? [] : ['no Content-Type'];
  const content = declared.content?.[mediaType];
  if (!content)
    return [`${mediaType} is not declared for ${status} (declared: ${Object.keys(declared.content ?? {}).join(', ') || 'no body'})`];
  if (mediaType !== 'application/json' || !content.schema) return [];
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return ['the body is not JSON'];
  }
  return schemaProblems(value, content.schema, schemas).slice(0, 5);
}
