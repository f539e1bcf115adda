import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { validationFailed } from '../platform.errors';
import { isUuid } from '../validation/uuid';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const pageLimit = (query: PageQuery): number => query.limit ?? 50;

export function encodeCursor(position: (string | number)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * What each position of a cursor holds: `instant` is `Date#toISOString()`, `timestamp-text` is
 * PostgreSQL's text form of a timestamptz (`2026-11-24 10:00:00.123456+00`), `int` a whole
 * number within a PostgreSQL integer, `bigint` a non-negative PostgreSQL bigint as decimal text.
 */
export type CursorField = 'instant' | 'timestamp-text' | 'uuid' | 'int' | 'bigint';

type CursorValue<F extends CursorField> = F extends 'int' ? number : string;
export type CursorValues<S extends readonly CursorField[]> = { [I in keyof S]: CursorValue<S[I]> };

const BIGINT_MAX = 9_223_372_036_854_775_807n;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const TIMESTAMP_TEXT =
  /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d)?$/;

/** A real day and time from year 1 on (PostgreSQL has no year 0; JavaScript rolls Feb 30 over). */
const isCalendarTime = (date: string, time: string): boolean => {
  const iso = `${date}T${time}.000Z`;
  const parsed = new Date(iso);
  return (
    !date.startsWith('0000') && !Number.isNaN(parsed.getTime()) && parsed.toISOString() === iso
  );
};

const CURSOR_FIELD_CHECKS: Record<CursorField, (value: unknown) => boolean> = {
  instant: (v) =>
    typeof v === 'string' && INSTANT.test(v) && isCalendarTime(v.slice(0, 10), v.slice(11, 19)),
  'timestamp-text': (v) => {
    const match = typeof v === 'string' ? TIMESTAMP_TEXT.exec(v) : null;
    return match !== null && isCalendarTime(match[1] ?? '', match[2] ?? '');
  },
  uuid: isUuid,
  int: (v) => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 2_147_483_647,
  bigint: (v) => typeof v === 'string' && /^\d{1,19}$/.test(v) && BigInt(v) <= BIGINT_MAX,
};

/**
 * Decodes a cursor made by `encodeCursor` whose positions hold `shape`, rejecting anything
 * else (another shape, or a value SQL would choke on) as bad input.
 */
export function decodeCursor<const S extends readonly CursorField[]>(
  cursor: string | undefined,
  shape: S,
): CursorValues<S> | null {
  if (cursor === undefined) {
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (
    Array.isArray(value) &&
    value.length === shape.length &&
    shape.every((field, i) => CURSOR_FIELD_CHECKS[field](value[i]))
  ) {
    return value as CursorValues<S>;
  }
  throw validationFailed('The cursor is not valid.');
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  position: (row: R) => (string | number)[],
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(position(last)) : null,
  };
}

/**
 * One page of `qb`'s rows, newest first by `column` then id. PostgreSQL keeps times to the
 * microsecond and cursors carry milliseconds, so the order and the cursor use the time cut to
 * the millisecond: no row is skipped or repeated between pages.
 */
export async function pageNewestFirst<E extends ObjectLiteral & { id: string }, T>(
  qb: SelectQueryBuilder<E>,
  column: string,
  query: PageQuery,
  time: (row: E) => Date,
  map: (row: E) => T,
): Promise<Page<T>> {
  const limit = pageLimit(query);
  const after = decodeCursor(query.cursor, ['instant', 'uuid']);
  const at = `date_trunc('milliseconds', ${qb.alias}.${column})`;
  qb.orderBy(at, 'DESC')
    .addOrderBy(`${qb.alias}.id`, 'DESC')
    .limit(limit + 1);
  if (after) {
    const [cursorAt, cursorId] = after;
    qb.andWhere(
      `(${at}, ${qb.alias}.id) < (CAST(:cursorAt AS timestamptz), CAST(:cursorId AS uuid))`,
      { cursorAt, cursorId },
    );
  }
  const rows = await qb.getMany();
  return toPage(rows, limit, map, (row) => [time(row).toISOString(), row.id]);
}
