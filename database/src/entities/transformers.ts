import type { ValueTransformer } from 'typeorm';

/** PostgreSQL `numeric` arrives as a string (it may not fit a double); our values do, so read them as numbers. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
