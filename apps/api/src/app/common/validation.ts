import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { arrayLimitProblems } from './array-limits';
import { FieldProblem, invalidFields } from './errors';
import { hasControlCharacter } from './input-limits';
import { isFieldRule } from './i18n/messages';

/** Flattens class-validator's tree into dotted paths: participants.0.nameKana. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const [constraint, text] of Object.entries(e.constraints ?? {})) {
      const key = isFieldRule(constraint) ? constraint : 'invalid';
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

/**
 * Before class-transformer and class-validator: path parameters with control characters (bodies
 * and queries are walked by inputLimits), and arrays over their @ArrayMaxSize, refused cheaply.
 */
class HouseValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param' && typeof value === 'string' && hasControlCharacter(value)) {
      throw invalidFields([{ field: metadata.data ?? 'param', key: 'controlCharacters' }]);
    }
    if (metadata.type === 'body' && typeof metadata.metatype === 'function') {
      const problems = arrayLimitProblems(metadata.metatype, value);
      if (problems.length) throw invalidFields(problems);
    }
    return super.transform(value, metadata);
  }
}

/** The one ValidationPipe: whitelist, unknown properties refused, every field at fault listed. */
export function createValidationPipe(): ValidationPipe {
  return new HouseValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidFields(flattenValidationErrors(errors)),
  });
}
