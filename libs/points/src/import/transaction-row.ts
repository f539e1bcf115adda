import { createHash } from 'node:crypto';
import { CHANNELS, type Channel } from '@vafa/members';
import { parseOccurredAt } from './occurred-at';
import { OccurrenceCounter } from './occurrence-counter';

/** One valid purchase of the import file. */
export interface ImportRow {
  line: number;
  externalId: string;
  occurredAt: Date;
  /** Minor units. */
  amount: number;
  orderId: string;
  channel: Channel;
}

/** A problem with the file as a whole: reported as one line, nothing imported. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

export type RowResult = { ok: true; row: ImportRow } | { ok: false; problem: string };

export const REQUIRED_COLUMNS = ['member_external_id', 'occurred_at', 'amount'] as const;
export const OPTIONAL_COLUMNS = ['order_id', 'channel'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

const MAX_ID_LENGTH = 200;
const MAX_FUTURE_MS = 10 * 60_000;
const DEFAULT_CHANNEL: Channel = 'online';
/**
 * The order id of an imported row that has none: `imp-<member>/<time>/<amount>/<n>`, where n
 * counts the same (member, time, amount) within the file. The same file imported again yields
 * the same ids (and adds nothing); the id says what the purchase was; and the rows of one member
 * get neighbouring ids, which keeps the unique index on order ids cheap to insert into. The
 * parts read unambiguously from the right (the time has a fixed length; amount and n are
 * digits). An id that would be longer than order ids may be falls back to a hash of the same.
 */
export function importedOrderId(purchase: string, occurrence: number): string {
  const id = `imp-${purchase}/${occurrence}`;
  if (id.length <= MAX_ID_LENGTH) {
    return id;
  }
  return `imp-${createHash('sha256').update(`${purchase}/${occurrence}`).digest('hex').slice(0, 40)}`;
}

/** Turns CSV records into import rows, with an order id for the rows that have none. */
export class TransactionRowReader {
  private readonly index: Record<Column, number>;
  private readonly occurrences = new OccurrenceCounter();

  constructor(
    header: string[],
    private readonly now: Date,
  ) {
    const names = header.map((h) => h.trim().toLowerCase());
    const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
    if (missing.length > 0) {
      throw new ImportFileError(
        `The header must name the columns ${REQUIRED_COLUMNS.join(', ')} (optionally ` +
          `${OPTIONAL_COLUMNS.join(', ')}); missing: ${missing.join(', ')}.`,
      );
    }
    const at = (c: Column): number => names.indexOf(c);
    this.index = {
      member_external_id: at('member_external_id'),
      occurred_at: at('occurred_at'),
      amount: at('amount'),
      order_id: at('order_id'),
      channel: at('channel'),
    };
  }

  read(record: string[], line: number): RowResult {
    const cell = (c: Column): string => {
      const i = this.index[c];
      return i < 0 ? '' : (record[i] ?? '').trim();
    };
    const bad = (problem: string): RowResult => ({ ok: false, problem });

    const externalId = cell('member_external_id');
    if (!externalId) {
      return bad('member_external_id is empty');
    }
    if (externalId.length > MAX_ID_LENGTH) {
      return bad(`member_external_id is longer than ${MAX_ID_LENGTH} characters`);
    }

    const rawTime = cell('occurred_at');
    const occurredAt = parseOccurredAt(rawTime);
    if (!occurredAt) {
      return bad(`occurred_at must be an ISO date or date-time, got ${JSON.stringify(rawTime)}`);
    }
    if (occurredAt.getTime() > this.now.getTime() + MAX_FUTURE_MS) {
      return bad(`occurred_at ${rawTime} is in the future`);
    }

    const rawAmount = cell('amount');
    const amount = Number(rawAmount);
    if (!/^\d+$/.test(rawAmount) || !Number.isSafeInteger(amount)) {
      return bad(
        `amount must be a whole number of minor units >= 0, got ${JSON.stringify(rawAmount)}`,
      );
    }

    const rawChannel = cell('channel').toLowerCase();
    if (rawChannel && !(CHANNELS as readonly string[]).includes(rawChannel)) {
      return bad(
        `channel must be one of ${CHANNELS.join(', ')}, got ${JSON.stringify(rawChannel)}`,
      );
    }
    const channel = (rawChannel || DEFAULT_CHANNEL) as Channel;

    let orderId = cell('order_id');
    if (orderId.length > MAX_ID_LENGTH) {
      return bad(`order_id is longer than ${MAX_ID_LENGTH} characters`);
    }
    if (!orderId) {
      const purchase = `${externalId}/${occurredAt.toISOString()}/${amount}`;
      orderId = importedOrderId(purchase, this.occurrences.add(purchase));
    }
    return { ok: true, row: { line, externalId, occurredAt, amount, orderId, channel } };
  }
}
