import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { freeTextFields } from '@casustafel/contract/free-text';
import { expectFreeTextCheck } from './request-context';

function collect(errors: ValidationError[], prefix = '', out: Record<string, string[]> = {}): Record<string, string[]> {
  for (const error of errors) {
    const field = prefix + error.property;
    if (error.constraints) {
      out[field] = Object.entries(error.constraints).map(([constraint, message]) =>
        constraint === 'whitelistValidation' ? `Onbekend veld "${field}": dit veld hoort niet bij dit verzoek.` : message,
      );
    }
    if (error.children?.length) collect(error.children, `${field}.`, out);
  }
  return out;
}

/**
 * The one strict pipe: unknown fields are rejected, values are converted to the DTO's types, and
 * every message is the Dutch sentence from the DTO.
 */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      const message = Object.values(fields).flat().join(' ');
      return new BadRequestException({ statusCode: 400, message, error: 'Bad Request', fields });
    },
  });
}

/** Also remembers every request body that holds free text, so that a route storing it unchecked is caught (FreeTextInterceptor). */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type === 'body' && holdsFreeText(result)) expectFreeTextCheck(result as object);
    return result;
  }
}

/** Whether a DTO instance (or one nested in it) has a non-empty @FreeText() string. */
export function holdsFreeText(dto: unknown): boolean {
  if (Array.isArray(dto)) return dto.some(holdsFreeText);
  if (dto === null || typeof dto !== 'object') return false;
  const fields = freeTextFields((dto as object).constructor);
  return Object.entries(dto).some(([key, value]) => (typeof value === 'string' ? fields.has(key) && value.trim() !== '' : holdsFreeText(value)));
}
