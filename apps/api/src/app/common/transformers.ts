import { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric and bigint arrive as strings; the figures we keep fit a double. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
