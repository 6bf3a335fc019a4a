import { UnprocessableEntityException } from '@nestjs/common';
import type { IdentifyingFinding } from '@casustafel/contract/question-rules';
import { scanIdentifyingData } from './identifying-data';

const KIND_NAMES: Record<IdentifyingFinding['kind'], string> = {
  NAME: 'een naam',
  ADDRESS: 'een straat met huisnummer',
  POSTCODE: 'een postcode',
  PHONE: 'een telefoonnummer',
  EMAIL: 'een e-mailadres',
  BSN: 'een BSN',
  IBAN: 'een bankrekeningnummer',
  DATE_OF_BIRTH: 'een geboortedatum',
};

/**
 * Free text that others see at the pseudonym level (questions, threads, advice, agenda notes and
 * decisions, action descriptions) may not identify anyone: 422 with the findings (kind and
 * position, never the text) and a Dutch sentence on how to fix it. Nothing is stored.
 */
export function refuseIdentifyingData(fields: Partial<Record<NonNullable<IdentifyingFinding['field']> | 'notes' | 'decisions' | 'description', string>>, now: Date, why: string): void {
  const findings = Object.entries(fields).flatMap(([field, text]) =>
    scanIdentifyingData(text ?? '', now).map((f) => ({ ...f, field: field as IdentifyingFinding['field'] })),
  );
  if (findings.length === 0) return;
  const kinds = [...new Set(findings.map((f) => KIND_NAMES[f.kind]))].join(', ');
  throw new UnprocessableEntityException({
    statusCode: 422,
    message: `De tekst bevat gegevens waarmee iemand te herkennen is (${kinds}). ${why} Er is niets opgeslagen.`,
    error: 'Unprocessable Entity',
    findings,
  });
}
