import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { dtoSchemas, ISO_DATE_TIME_PATTERN } from './openapi';

// Every DTO of the contract registers its rules when its file is loaded.
const contractDir = join(__dirname, '../../../contract/src');
for (const file of readdirSync(contractDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) require(join(contractDir, file));

/** The DTO classes by name, as class-validator holds them. */
function dtoClasses(): Map<string, new () => object> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<new () => object, unknown> };
  return new Map([...storage.validationMetadatas.keys()].map((target) => [target.name, target]));
}

/** The validation errors for one property of a DTO that holds only that property. */
function errorsFor(dtoClass: new () => object, property: string, value: unknown): ValidationError[] {
  const dto = Object.assign(new dtoClass(), { [property]: value });
  return validateSync(dto).filter((error) => error.property === property);
}

/** 2026-02-31 has the shape of a date, but is none: a pattern cannot know how long a month is. */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return true;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

describe('OpenAPI request schemas (dtoSchemas)', () => {
  const schemas = dtoSchemas() as Record<string, { properties?: Record<string, { pattern?: string; type?: string }> }>;
  const classes = dtoClasses();
  const patterned = Object.entries(schemas).flatMap(([name, schema]) =>
    Object.entries(schema.properties ?? {})
      .filter(([, property]) => property.pattern)
      .map(([property, { pattern }]) => ({ name, property, pattern: pattern! })),
  );

  it('finds the patterned fields (dates, postcode, phone, …)', () => {
    expect(patterned.map((p) => `${p.name}.${p.property}`)).toEqual(
      expect.arrayContaining(['CreateMeetingDto.startsAt', 'AccessLogQuery.from', 'ClientIdentityDto.postcode', 'CreateActionDto.dueDate']),
    );
  });

  it.each(patterned.map((p) => ({ ...p, field: `${p.name}.${p.property}` })))(
    '$field: every value its pattern admits passes the server validation',
    ({ name, property, pattern }) => {
      const dtoClass = classes.get(name)!;
      expect(dtoClass).toBeDefined();
      const regex = new RegExp(pattern);
      fc.assert(
        fc.property(fc.stringMatching(regex), (value) => {
          fc.pre(isCalendarDate(value));
          expect(errorsFor(dtoClass, property, value)).toEqual([]);
          // The meeting's start and the log's bounds are then read with new Date().
          if (pattern === ISO_DATE_TIME_PATTERN) expect(Number.isNaN(new Date(value).getTime())).toBe(false);
        }),
        { numRuns: 200 },
      );
    },
  );

  it.each([
    '2026-12-01T09:30:00Z',
    '2026-12-01T09:30:00.000Z',
    '2026-12-01T09:30',
    '2026-12-01T09:30:00+01:00',
    '2026-12-01T09:30:00+0100',
    '2026-12-01',
    new Date('2026-12-01T08:30:00Z').toISOString(),
  ])('documents the start of a meeting %s, which the server accepts', (startsAt) => {
    expect(new RegExp(schemas['CreateMeetingDto'].properties!['startsAt'].pattern!).test(startsAt)).toBe(true);
    expect(errorsFor(classes.get('CreateMeetingDto')!, 'startsAt', startsAt)).toEqual([]);
  });

  it('types whole numbers as integers and leaves no reference beside other keywords', () => {
    expect(schemas['CreateMeetingDto'].properties!['durationMinutes']).toEqual({ type: 'integer', minimum: 15, maximum: 480 });
    const refsWithSiblings = JSON.stringify(schemas).match(/\{[^{}]*"\$ref":"[^"]*"[^{}]*\}/g) ?? [];
    expect(refsWithSiblings.filter((ref) => Object.keys(JSON.parse(ref) as object).length > 1)).toEqual([]);
  });
});
