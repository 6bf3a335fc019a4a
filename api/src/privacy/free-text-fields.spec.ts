import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { freeTextFields, NOT_FREE_TEXT } from '@casustafel/contract/free-text';

/** Validators that make a property a string a user types (enums from a list are not). */
const STRING_VALIDATORS = new Set([
  'isString',
  'maxLength',
  'minLength',
  'matches',
  'isEmail',
  'isUrl',
  'isDateString',
  'isIso8601',
  'isUuid',
]);

type DtoClass = abstract new (...args: never[]) => object;

/** Every request DTO class in contract/ with its string properties, from class-validator's own metadata. */
function stringProperties(): Map<DtoClass, Set<string>> {
  const dir = join(__dirname, '../../../contract/src');
  const classes = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .flatMap((f) => Object.values(require(join(dir, f)) as Record<string, unknown>))
    .filter((v): v is DtoClass => typeof v === 'function');
  const storage = getMetadataStorage();
  const out = new Map<DtoClass, Set<string>>();
  for (const dto of classes) {
    const metadata = storage.getTargetValidationMetadatas(dto, '', true, false);
    const names = metadata.filter((m) => STRING_VALIDATORS.has(m.name ?? '')).map((m) => m.propertyName);
    if (names.length) out.set(dto, new Set(names));
  }
  return out;
}

describe('Free text in request DTOs', () => {
  const properties = stringProperties();
  const rows = [...properties].flatMap(([dto, names]) =>
    [...names].map((name): [string, DtoClass, string] => [`${dto.name}.${name}`, dto, name]),
  );

  it('finds the DTOs (the enumeration itself works)', () => {
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(['UpdateCaseStatusDto.reason', 'CreateActionDto.description', 'AddSignatureDto.signatory']),
    );
  });

  it.each(rows)('%s is guarded by @FreeText() or listed as not free text, with a reason', (key, dto, name) => {
    const guarded = freeTextFields(dto).has(name);
    const exempt = NOT_FREE_TEXT[key];
    expect({ key, guarded, exempt: exempt !== undefined }).toEqual({ key, guarded: exempt === undefined, exempt: !guarded });
    if (exempt !== undefined) expect(exempt.length).toBeGreaterThan(10);
  });

  it('lists no exemption for a property that does not exist (the list stays true)', () => {
    const known = new Set(rows.map((r) => r[0]));
    expect(Object.keys(NOT_FREE_TEXT).filter((key) => !known.has(key))).toEqual([]);
  });

  it('guards at least every field the issue names', () => {
    const guarded = new Set(rows.filter(([, dto, name]) => freeTextFields(dto).has(name)).map((r) => r[0]));
    const named = [
      'UpdateCaseStatusDto.reason',
      'CreateCaseDto.consentOverrideReason',
      'CreateCaseDto.summary',
      'CreateActionDto.description',
      'UpdateActionDto.note',
      'AddAgendaItemDto.title',
      'UpdateAgendaItemDto.notes',
      'UpdateAgendaItemDto.decisions',
      'CreateMeetingDto.location',
      'MinutesSectionTextDto.text',
      'MinutesCommentDto.text',
      'AddendumDto.text',
      'CreateQuestionDto.title',
      'CreateQuestionDto.situation',
      'CreateQuestionDto.question',
      'AnswerQuestionDto.advice',
      'QuestionMessageDto.text',
      'AddSignatureDto.signatory',
      'CreateReferralDto.reason',
      'DeclineReferralDto.reason',
      'KnownElsewhereDto.purpose',
    ];
    expect(named.filter((key) => !guarded.has(key))).toEqual([]);
  });
});
