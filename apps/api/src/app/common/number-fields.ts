// Number fields every DTO writes the same way: the fiscal years the portal knows, and whole
// numbers read from a query string (?page=2 arrives as text).
import { ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Decorators applied as if written one above the other (the lowest first, as TypeScript does). */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorator of [...decorators].reverse()) decorator(target, key);
  };
}

/** A fiscal year (its starting calendar year) from 1989 to 2100. */
export const IsFiscalYear = () => stacked(IsInt(), Min(1989), Max(2100));

/** An optional whole number of the query string from min (to max, when given). */
export const OptionalQueryInt = (api: ApiPropertyOptions, min: number, max?: number) =>
  stacked(
    ApiPropertyOptional(api),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(min),
    ...(max === undefined ? [] : [Max(max)]),
  );

/** An optional fiscal year of the query string. */
export const FiscalYearQuery = (api: ApiPropertyOptions) =>
  stacked(
    ApiPropertyOptional(api),
    IsOptional(),
    Type(() => Number),
    IsFiscalYear(),
  );
