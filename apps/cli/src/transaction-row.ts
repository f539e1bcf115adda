import { createHash } from 'node:crypto';
import { CHANNELS, type Channel } from '@vafa/members';

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
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * `YYYY-MM-DD` (midnight UTC) or an ISO 8601 date-time; a date-time without a zone is UTC.
 * Null for anything else, including impossible dates such as 1997-02-30.
 */
export function parseOccurredAt(value: string): Date | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const ms = fraction ? fraction.slice(1, 4).padEnd(3, '0') : '000';
  const offset = /^z$/i.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const time = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`);
  return Number.isNaN(time) ? null : new Date(time);
}

/**
 * Turns CSV records into import rows. Rows without an order_id get a deterministic one from the
 * member, time, amount and how many times that same triple occurred before in the file, so the
 * same file imported again yields the same ids (and adds nothing).
 */
export class TransactionRowReader {
  private readonly index: Record<Column, number>;
  private readonly occurrences = new Map<string, number>();

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
    if (!externalId) return bad('member_external_id is empty');
    if (externalId.length > MAX_ID_LENGTH)
      return bad(`member_external_id is longer than ${MAX_ID_LENGTH} characters`);

    const rawTime = cell('occurred_at');
    const occurredAt = parseOccurredAt(rawTime);
    if (!occurredAt)
      return bad(`occurred_at must be an ISO date or date-time, got ${JSON.stringify(rawTime)}`);
    if (occurredAt.getTime() > this.now.getTime() + MAX_FUTURE_MS)
      return bad(`occurred_at ${rawTime} is in the future`);

    const rawAmount = cell('amount');
    const amount = Number(rawAmount);
    if (!/^\d+$/.test(rawAmount) || !Number.isSafeInteger(amount)) {
      return bad(
        `amount must be a whole number of minor units >= 0, got ${JSON.stringify(rawAmount)}`,
      );
    }

    const rawChannel = cell('channel').toLowerCase();
    if (rawChannel && !(CHANNELS as readonly string[]).includes(rawChannel))
      return bad(
        `channel must be one of ${CHANNELS.join(', ')}, got ${JSON.stringify(rawChannel)}`,
      );
    const channel = (rawChannel || DEFAULT_CHANNEL) as Channel;

    let orderId = cell('order_id');
    if (orderId.length > MAX_ID_LENGTH)
      return bad(`order_id is longer than ${MAX_ID_LENGTH} characters`);
    if (!orderId) {
      const triple = `${externalId}\u0000${occurredAt.toISOString()}\u0000${amount}`;
      const occurrence = (this.occurrences.get(triple) ?? 0) + 1;
      this.occurrences.set(triple, occurrence);
      orderId = `imp-${createHash('sha256').update(`${triple}\u0000${occurrence}`).digest('hex').slice(0, 40)}`;
    }
    return { ok: true, row: { line, externalId, occurredAt, amount, orderId, channel } };
  }
}
