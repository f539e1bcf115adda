import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { validationFailed } from '../errors/domain-error';

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

/** Decodes a cursor made by `encodeCursor`, rejecting anything else as bad input. */
export function decodeCursor(
  cursor: string | undefined,
  arity: number,
): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === arity &&
      value.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return value;
    }
  } catch {
    // fall through
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  const after = decodeCursor(query.cursor, 2);
  const at = `date_trunc('milliseconds', ${qb.alias}.${column})`;
  qb.orderBy(at, 'DESC')
    .addOrderBy(`${qb.alias}.id`, 'DESC')
    .limit(limit + 1);
  if (after) {
    const [cursorAt, cursorId] = after;
    if (
      typeof cursorAt !== 'string' ||
      Number.isNaN(Date.parse(cursorAt)) ||
      typeof cursorId !== 'string' ||
      !UUID.test(cursorId)
    ) {
      throw validationFailed('The cursor is not valid.');
    }
    qb.andWhere(
      `(${at}, ${qb.alias}.id) < (CAST(:cursorAt AS timestamptz), CAST(:cursorId AS uuid))`,
      { cursorAt, cursorId },
    );
  }
  const rows = await qb.getMany();
  return toPage(rows, limit, map, (row) => [time(row).toISOString(), row.id]);
}
