import { generateResponseSchemas, NULL_ONLY, toOpenApi30 } from '../../tools/response-schemas';
import { RESPONSE_SCHEMAS } from './response-schemas.generated';

describe('toOpenApi30', () => {
  it('turns null into nullable, for types, objects, enums and references', () => {
    expect(toOpenApi30({ type: ['string', 'null'] })).toEqual({ type: 'string', nullable: true });
    expect(toOpenApi30({ anyOf: [{ $ref: '#/definitions/CaseView' }, { type: 'null' }] })).toEqual({
      anyOf: [{ $ref: '#/components/schemas/CaseView' }, NULL_ONLY],
    });
    expect(toOpenApi30({ anyOf: [{ $ref: '#/definitions/A' }, { type: 'string', enum: ['B'] }, { type: 'null' }] })).toEqual({
      anyOf: [{ $ref: '#/components/schemas/A' }, { type: 'string', enum: ['B'] }, NULL_ONLY],
    });
    expect(toOpenApi30({ anyOf: [{ type: 'object', properties: { id: { type: 'string' } } }, { type: 'null' }] })).toEqual({
      type: 'object',
      properties: { id: { type: 'string' } },
      nullable: true,
    });
    expect(toOpenApi30({ type: ['string', 'null'], enum: ['A', 'B', null] })).toEqual({
      type: 'string',
      enum: ['A', 'B', null],
      nullable: true,
    });
  });

  it('writes const as a one-value enum and moves keywords beside a reference into allOf', () => {
    expect(toOpenApi30({ type: 'string', const: 'ok' })).toEqual({ type: 'string', enum: ['ok'] });
    expect(toOpenApi30({ $ref: '#/definitions/DisclosureLevel', description: 'Het niveau.' })).toEqual({
      description: 'Het niveau.',
      allOf: [{ $ref: '#/components/schemas/DisclosureLevel' }],
    });
  });

  it('refuses what OpenAPI 3.0 cannot say, rather than pass it on', () => {
    expect(() => toOpenApi30({ type: 'object', propertyNames: { pattern: '^a' } })).toThrow('propertyNames');
    expect(() => toOpenApi30({ type: 'array', items: [{ type: 'string' }, { type: 'number' }] })).toThrow('tuples');
    expect(() => toOpenApi30({ type: ['string', 'number'] })).toThrow('string | number');
    expect(() => toOpenApi30({ $ref: '#/definitions/Record<string,number>' })).toThrow('cannot be the name');
  });
});

describe('OpenAPI response schemas (RESPONSE_SCHEMAS)', () => {
  it('are what the contract types generate now: after changing a view type, run npm run openapi:schemas', () => {
    expect(RESPONSE_SCHEMAS).toEqual(generateResponseSchemas());
  }, 120_000);
});
