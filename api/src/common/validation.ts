import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

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
  return new ValidationPipe({
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
