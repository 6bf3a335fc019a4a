import { Pipe, PipeTransform, inject } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';

/** A validator's error key → a translation key that says in words what to fix (never a red field without text). */
export type ErrorTexts = Partial<Record<string, string>>;

/**
 * The first error of a control in words: the server's own sentence, a field's own text for a rule
 * (`{ pattern: 'intake.postcodeInvalid' }`), or the general text for the rule ("Vul dit veld in.",
 * "Gebruik minstens 10 tekens."). Impure, because a control's errors change without a new reference.
 */
@Pipe({ name: 'errorText', pure: false })
export class ErrorTextPipe implements PipeTransform {
  private readonly i18n = inject(TranslocoService);

  transform(control: AbstractControl | null | undefined, own: ErrorTexts = {}): string {
    return control?.errors ? describeErrors(control.errors, own, (key, params) => this.i18n.translate(key, params)) : '';
  }
}

export function describeErrors(errors: ValidationErrors, own: ErrorTexts, translate: (key: string, params?: object) => string): string {
  if (typeof errors['server'] === 'string') return errors['server'];
  for (const key of Object.keys(errors)) {
    const ownKey = own[key];
    if (ownKey) return translate(ownKey, errors[key] as object);
    const value = errors[key] as Record<string, unknown> | boolean;
    switch (key) {
      case 'required':
        return translate('formError.required');
      case 'requiredTrue':
        return translate('formError.requiredTrue');
      case 'minlength':
        return translate('formError.minlength', { n: (value as { requiredLength: number }).requiredLength });
      case 'maxlength':
        return translate('formError.maxlength', { n: (value as { requiredLength: number }).requiredLength });
      case 'min':
        return translate('formError.min', { n: (value as { min: number }).min });
      case 'max':
        return translate('formError.max', { n: (value as { max: number }).max });
      case 'email':
        return translate('formError.email');
      case 'pattern':
        return translate('formError.pattern');
      case 'dateInPast':
        return translate('formError.dateInPast');
      case 'dateInFuture':
        return translate('formError.dateInFuture');
      case 'invalidDate':
        return translate('formError.invalidDate');
    }
  }
  return translate('formError.invalid');
}
