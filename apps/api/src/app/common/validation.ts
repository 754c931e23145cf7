import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ValidationFailedException } from './errors';
import { hasMessage } from './i18n/messages';

/** Flattens class-validator's tree into dotted paths: participants.0.nameKana. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const [constraint, text] of Object.entries(e.constraints ?? {})) {
      const key = hasMessage(constraint) ? constraint : 'invalid';
      const context = e.contexts?.[constraint] as { n?: string | number } | undefined;
      out.push({
        field,
        key,
        n: context?.n ?? constraintParam(constraint, text),
        text: key === 'invalid' ? text : undefined,
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

// class-validator puts the limit in its English message ("must not be greater than 10"):
// read the number back for our own sentence.
function constraintParam(constraint: string, text: string): string | undefined {
  if (constraint === 'isIn' || constraint === 'isEnum') {
    const m = /following values: (.*)$/.exec(text);
    return m?.[1];
  }
  const m = /(-?\d+(?:\.\d+)?)/.exec(text);
  return m?.[1];
}

/** The one ValidationPipe: whitelist, unknown properties refused, every field at fault listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}
