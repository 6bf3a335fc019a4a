import fc, { type Arbitrary } from 'fast-check';

/** The part of an OpenAPI/JSON schema the DTO schemas use. */
export interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

export interface FuzzContext {
  /** components.schemas of the OpenAPI document; a $ref that is not here counts as "any JSON". */
  schemas: Record<string, Schema>;
  /** Real ids of the populated network, used for uuid fields half of the time. */
  ids: string[];
  /** Real values per property name (e.g. the section ids of the minutes), used half of the time. */
  known: Record<string, string[]>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Reads "#/components/schemas/Name"; undefined for anything it cannot resolve. */
function resolve(schema: Schema, context: FuzzContext, seen = new Set<string>()): Schema | undefined {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = context.schemas[name];
  if (!target || seen.has(name)) return undefined;
  seen.add(name);
  return resolve(target, context, seen);
}

const anyJson: Arbitrary<Json> = fc.jsonValue({ maxDepth: 3 }) as Arbitrary<Json>;

const text = (minLength: number, maxLength: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
  );

/** A value of the shape the schema describes: the right types, lengths, patterns and enums. */
export function shaped(schema: Schema, context: FuzzContext, property = ''): Arbitrary<Json> {
  const resolved = resolve(schema, context);
  if (!resolved) return anyJson;
  if (resolved.enum) return fc.constantFrom(...(resolved.enum as Json[]));
  const known = context.known[property];
  if (known?.length) return fc.oneof(fc.constantFrom(...known), shapedByType(resolved, context));
  return shapedByType(resolved, context);
}

function shapedByType(schema: Schema, context: FuzzContext): Arbitrary<Json> {
  switch (schema.type) {
    case 'object': {
      if (!schema.properties) return fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 4 });
      const model: Record<string, Arbitrary<Json>> = {};
      for (const [name, property] of Object.entries(schema.properties)) model[name] = shaped(property, context, name);
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in model) }) as Arbitrary<Json>;
    }
    case 'array':
      return fc.array<Json>(schema.items ? shaped(schema.items, context) : anyJson, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
      });
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? Math.max(min, 1_000_000);
      return fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.double({ min, max, noNaN: true }) });
    }
    case 'boolean':
      return fc.boolean();
    case 'string':
      return shapedString(schema, context);
    default:
      return anyJson;
  }
}

function shapedString(schema: Schema, context: FuzzContext): Arbitrary<string> {
  if (schema.format === 'uuid') return context.ids.length ? fc.oneof(fc.constantFrom(...context.ids), fc.uuid()) : fc.uuid();
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'url') return fc.webUrl({ validSchemes: ['https'] });
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    // Half the time the pattern, half a realistic date or time where the pattern is one.
    const dates = /\\d\{4\}-/.test(schema.pattern)
      ? fc
          .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, pattern.test('2026-01-01') ? 10 : 24))
      : fc.stringMatching(pattern);
    return fc.oneof(fc.stringMatching(pattern), dates);
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, 200));
  return text(minLength, maxLength);
}

/** Values no field expects: wrong types, nulls, huge strings, deep nesting, tricky text. */
export const hostile: Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1e308, -1e308, 0.5),
  fc.string({ maxLength: 30 }),
  fc.string({ maxLength: 30, unit: 'binary' }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    '2026-02-30',
    '9999-99-99',
    '0000-00-00',
    '2026-13-01T25:61:61Z',
    '+275760-09-13T00:00:00.000Z',
    '00000000-0000-0000-0000-000000000000',
    '=HYPERLINK("https://evil.example";"Klik hier")',
    "'; DROP TABLE cases; --",
    '<script>alert(1)</script>',
    '\u202e\u200b\ufeff',
    '\ud800',
    'x'.repeat(9_000),
  ),
  fc.integer({ min: 10_000, max: 120_000 }).map((n) => 'é'.repeat(n)),
  fc.integer({ min: 20, max: 40 }).map((depth) => nest(depth)),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.array(anyJson, { maxLength: 3 }),
  anyJson,
);

function nest(depth: number): Json {
  let value: Json = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Every path to a value inside this one (not the root itself). */
function pathsIn(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (value === null || typeof value !== 'object') return out;
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    out.push([...prefix, key]);
    pathsIn(child, [...prefix, key], out);
  }
  return out;
}

function pick(value: Json, index: number): Path | null {
  const paths = pathsIn(value);
  return paths.length ? paths[index % paths.length] : null;
}

function update(value: Json, path: Path, change: (parent: Record<string | number, Json>, key: string | number) => void): Json {
  const copy = structuredClone(value) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  change(parent, path[path.length - 1]);
  return copy as Json;
}

const replaceAt = (value: Json, index: number, replacement: Json): Json => {
  const path = pick(value, index);
  return path ? update(value, path, (parent, key) => (parent[key] = replacement)) : replacement;
};

const dropAt = (value: Json, index: number): Json => {
  const path = pick(value, index);
  if (!path) return value;
  return update(value, path, (parent, key) => {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  });
};

/** Adds a key as an own property, __proto__ included (a plain assignment would set the prototype). */
const addKeyAt = (value: Json, index: number, key: string, extra: Json): Json => {
  const define = (target: object) =>
    Object.defineProperty(target, key, { value: extra, enumerable: true, writable: true, configurable: true });
  const objects = [[], ...pathsIn(value)].filter((path) => {
    let node: Json = value;
    for (const k of path) node = (node as Record<string | number, Json>)[k];
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  if (!objects.length) return value;
  const path = objects[index % objects.length];
  const copy = structuredClone(value);
  let node = copy as Record<string | number, Json>;
  for (const k of path) node = node[k] as Record<string | number, Json>;
  define(node);
  return copy;
};

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'id', 'networkId', 'version', 'bsn', '', ' '),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** Texts that are not (quite) JSON, or JSON a parser must refuse before anything else sees it. */
const rawText: Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":1,}',
    "{'a': 1}",
    '{"a": undefined}',
    '{"a": NaN}',
    '[]',
    'null',
    '"tekst"',
    '12',
    '\ufeff{}',
    '{"a": "\\ud800"}',
    '{"a": "\\u0000"}',
    '{"__proto__": {"isAdmin": true}}',
    '{"\\u005f_proto__": {"isAdmin": true}}',
    '{"constructor": {"prototype": {"isAdmin": true}}}',
    '{"a": 1, "a": 2}',
  ),
  fc.integer({ min: 33, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 33, max: 5_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.string({ maxLength: 40 }),
);

/**
 * Request bodies (as the JSON text sent) for a route's schema: valid-shaped ones, and ones with a
 * wrong type, null, huge string or deep nesting anywhere, missing and extra fields (__proto__ and
 * constructor included), arrays where objects belong, other top-level values and broken JSON.
 */
export function bodies(schema: Schema | undefined, context: FuzzContext): Arbitrary<string> {
  const valid = schema ? shaped(schema, context) : anyJson;
  const json = (arbitrary: Arbitrary<Json>) => arbitrary.map((value) => JSON.stringify(value));
  return fc.oneof(
    { weight: 25, arbitrary: json(valid) },
    { weight: 20, arbitrary: json(fc.tuple(valid, fc.nat(), hostile).map(([v, i, h]) => replaceAt(v, i, h))) },
    { weight: 8, arbitrary: json(fc.tuple(valid, fc.nat()).map(([v, i]) => dropAt(v, i))) },
    { weight: 10, arbitrary: json(fc.tuple(valid, fc.nat(), extraKey, hostile).map(([v, i, k, h]) => addKeyAt(v, i, k, h))) },
    { weight: 6, arbitrary: json(fc.tuple(valid, fc.nat()).map(([v, i]) => replaceAt(v, i, null))) },
    { weight: 5, arbitrary: json(fc.tuple(valid, fc.nat()).map(([v, i]) => replaceAt(v, i, [structuredClone(v)]))) },
    { weight: 3, arbitrary: json(valid.map((v) => [v])) },
    { weight: 8, arbitrary: json(hostile) },
    { weight: 6, arbitrary: rawText },
    { weight: 4, arbitrary: json(fc.tuple(valid, fc.nat()).map(([v, i]) => replaceAt(v, i, nest(40)))) },
    { weight: 5, arbitrary: fc.tuple(json(valid), fc.constantFrom('__proto__', 'constructor')).map(([t, key]) => injectKey(t, key)) },
  );
}

/** Puts a prototype key into the JSON text itself (on the outer object when there is one). */
function injectKey(text: string, key: string): string {
  const payload = key === 'constructor' ? '{"prototype": {"isAdmin": true}}' : '{"isAdmin": true}';
  return text.startsWith('{')
    ? `{"${key}": ${payload}${text === '{}' ? '' : ','}${text.slice(1)}`
    : `{"${key}": ${payload}, "body": ${text}}`;
}
