/** The largest value of a PostgreSQL `integer` column. */
export const INT_MAX = 2_147_483_647;

/** The largest `bigint` a JavaScript number carries exactly. */
export const BIGINT_MAX = Number.MAX_SAFE_INTEGER;
