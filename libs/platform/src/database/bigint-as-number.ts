import type { ValueTransformer } from 'typeorm';

/**
 * For a `bigint` column read as a `number`: PostgreSQL's bigint comes back as a string. Points and
 * minor units stay far below 2^53, so the number is exact.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
