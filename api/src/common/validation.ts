import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { freeTextFields } from '@casustafel/contract/free-text';
import { expectFreeTextCheck } from './request-context';

/**
 * Dutch sentences for class-validator's English defaults, for the few rules a DTO gives no message
 * of its own ("location must be a string"). A DTO's own message always wins.
 */
const FALLBACKS: Record<string, (field: string) => string> = {
  isString: (field) => `Het veld "${field}" moet tekst zijn.`,
  minLength: (field) => `Het veld "${field}" is te kort.`,
  maxLength: (field) => `Het veld "${field}" is te lang.`,
  isInt: (field) => `Het veld "${field}" moet een heel getal zijn.`,
  isNumber: (field) => `Het veld "${field}" moet een getal zijn.`,
  min: (field) => `Het getal in "${field}" is te klein.`,
  max: (field) => `Het getal in "${field}" is te groot.`,
  isBoolean: (field) => `Het veld "${field}" moet ja of nee zijn (true of false).`,
  isArray: (field) => `Het veld "${field}" moet een lijst zijn.`,
  arrayMaxSize: (field) => `De lijst "${field}" heeft te veel onderdelen.`,
  arrayMinSize: (field) => `De lijst "${field}" heeft te weinig onderdelen.`,
  isObject: (field) => `Het veld "${field}" moet een object zijn (tussen { en }).`,
  nestedValidation: (field) => `Het veld "${field}" moet een object of een lijst van objecten zijn.`,
  isDefined: (field) => `Vul het veld "${field}" in.`,
  unknownValue: () => 'Stuur de gegevens als één JSON-object.',
};

/** class-validator's own messages start with the property name, or with one of these phrases. */
function isEnglishDefault(message: string, property: string): boolean {
  return message.startsWith(`${property} `) || /^(each value in |nested property |an unknown value )/.test(message);
}

function collect(errors: ValidationError[], prefix = '', out: Record<string, string[]> = {}): Record<string, string[]> {
  for (const error of errors) {
    const field = prefix + error.property;
    if (error.constraints) {
      out[field] = Object.entries(error.constraints).map(([constraint, message]) => {
        if (constraint === 'whitelistValidation') return `Onbekend veld "${field}": dit veld hoort niet bij dit verzoek.`;
        if (!isEnglishDefault(message, error.property)) return message;
        return (FALLBACKS[constraint] ?? ((name: string) => `Het veld "${name}" heeft geen geldige waarde.`))(field);
      });
    }
    if (error.children?.length) collect(error.children, `${field}.`, out);
  }
  return out;
}

/**
 * The one strict pipe: unknown fields are rejected, values are converted to the DTO's types, and
 * every message is a Dutch sentence: the DTO's own, or a Dutch fallback naming the field.
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
  return Object.entries(dto).some(([key, value]) =>
    typeof value === 'string' ? fields.has(key) && value.trim() !== '' : holdsFreeText(value),
  );
}

/** A 400 about one field of the request, in the shape the validation pipe gives (`fields` maps it onto the form). */
export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, message, error: 'Bad Request', fields: { [field]: [message] } });
}
