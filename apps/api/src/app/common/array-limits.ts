import { getMetadataStorage } from 'class-validator';
import type { FieldProblem } from './errors';

// class-transformer keeps @Type() here; @nestjs/mapped-types reads it the same way
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: {
    findTypeMetadata(target: object, property: string): { typeFunction(): unknown } | undefined;
  };
};

type Class = abstract new (...args: never[]) => unknown;
const caps = new Map<Class, { property: string; max: number }[]>();

/** The @ArrayMaxSize of each property of a DTO (read once per class). */
function arrayCaps(type: Class): { property: string; max: number }[] {
  let found = caps.get(type);
  if (!found) {
    const storage = getMetadataStorage();
    found = storage
      .getTargetValidationMetadatas(type, '', true, false)
      .filter(
        (m) => m.constraintCls && storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name === 'arrayMaxSize',
      )
      .map((m) => ({ property: m.propertyName, max: Number((m.constraints as unknown[])[0]) }));
    caps.set(type, found);
  }
  return found;
}

/**
 * Every array over its @ArrayMaxSize in a raw body, nested DTOs (@Type) included, before
 * class-transformer and class-validator run over the elements: 11 k candidates are refused at
 * the cost of reading one length.
 */
export function arrayLimitProblems(type: Class, value: unknown, path = ''): FieldProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const body = value as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  for (const { property, max } of arrayCaps(type)) {
    const v = body[property];
    if (Array.isArray(v) && v.length > max) problems.push({ field: `${path}${property}`, key: 'arrayMaxSize', n: max });
  }
  if (problems.length) return problems;
  for (const property of Object.keys(body)) {
    const nested = defaultMetadataStorage.findTypeMetadata(type, property)?.typeFunction();
    if (typeof nested !== 'function') continue;
    const v = body[property];
    const items = Array.isArray(v) ? v.map((item, i) => [`${property}.${i}`, item] as const) : [[property, v] as const];
    for (const [field, item] of items) problems.push(...arrayLimitProblems(nested as Class, item, `${path}${field}.`));
  }
  return problems;
}
