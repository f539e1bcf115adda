import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { generateCardNumber, generateReferralCode } from '@vafa/members';
import type { Transaction } from '@vafa/insights';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`npm run -s build` first) against the given database. */
export function runCli(args: string[], databaseUrl: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/apps/cli/src/main.js', ...args],
      {
        env: { ...process.env, DATABASE_URL: databaseUrl },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The numbers of the import's summary line. */
export function parseSummary(stdout: string): Record<string, number> {
  const line = stdout.split('\n').find((l) => l.startsWith('Imported '));
  if (!line) {
    throw new Error(`no summary line in: ${stdout}`);
  }
  const numbers: Record<string, number> = {};
  for (const [, n, label] of line.matchAll(/(\d+) ([a-z ]+?)(?=[,.]| on )/g)) {
    if (n !== undefined && label !== undefined) {
      numbers[label.trim()] = Number(n);
    }
  }
  const elapsed = /in ([\d.]+) s:/.exec(line);
  numbers.seconds = Number(elapsed?.[1]);
  return numbers;
}

export interface History {
  externalId: string;
  purchases: { at: Date; amount: number }[];
}

/**
 * Members and their purchases straight into the tables (as imported history: no lines, no
 * points). Returns member ids by external id.
 */
export async function insertHistories(
  dataSource: DataSource,
  histories: readonly History[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const chunk = 2_000;
  for (let start = 0; start < histories.length; start += chunk) {
    const part = histories.slice(start, start + chunk);
    const members = part.map((h) => ({
      id: randomUUID(),
      h,
      cardNumber: generateCardNumber(),
      referralCode: generateReferralCode(),
    }));
    await dataSource.query(
      `INSERT INTO members (id, external_id, card_number, referral_code, joined_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])`,
      [
        members.map((m) => m.id),
        members.map((m) => m.h.externalId),
        members.map((m) => m.cardNumber),
        members.map((m) => m.referralCode),
        members.map((m) => m.h.purchases[0]?.at ?? new Date()),
      ],
    );
    // Their identities, as enrolment writes them (lookups by external id go through these).
    const identities = members.flatMap((m) => [
      ['external_id', m.h.externalId, m.id],
      ['card_number', m.cardNumber, m.id],
      ['referral_code', m.referralCode, m.id],
    ]);
    await dataSource.query(
      `INSERT INTO member_identities (kind, value, member_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[])`,
      [identities.map((i) => i[0]), identities.map((i) => i[1]), identities.map((i) => i[2])],
    );
    const orders = members.flatMap((m) =>
      m.h.purchases.map((p) => ({
        memberId: m.id,
        id: randomUUID(),
        orderId: `test-${randomUUID()}`,
        at: p.at,
        amount: p.amount,
      })),
    );
    await dataSource.query(
      `INSERT INTO orders (member_id, id, order_id, channel, occurred_at, subtotal, total, source)
       SELECT o.member_id, o.id, o.order_id, 'online', o.at, o.amount, o.amount, 'import'
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::bigint[])
         AS o(member_id, id, order_id, at, amount)`,
      [
        orders.map((o) => o.memberId),
        orders.map((o) => o.id),
        orders.map((o) => o.orderId),
        orders.map((o) => o.at),
        orders.map((o) => o.amount),
      ],
    );
    await dataSource.query(
      `INSERT INTO order_ids (order_id, member_id, order_uuid)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[])`,
      [orders.map((o) => o.orderId), orders.map((o) => o.memberId), orders.map((o) => o.id)],
    );
    for (const m of members) {
      ids.set(m.h.externalId, m.id);
    }
  }
  return ids;
}

/** The same histories as the pure library's transactions. */
export const transactionsOf = (histories: readonly History[]): Transaction[] =>
  histories.flatMap((h) =>
    h.purchases.map((p) => ({ customerId: h.externalId, occurredAt: p.at, amount: p.amount })),
  );

export const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.abs(expected);

/** Transactions as one history per customer, in the order of their first transaction. */
export const historiesOf = (transactions: readonly Transaction[]): History[] => {
  const byCustomer = new Map<string, History>();
  for (const t of transactions) {
    let h = byCustomer.get(t.customerId);
    if (!h) {
      byCustomer.set(t.customerId, (h = { externalId: t.customerId, purchases: [] }));
    }
    h.purchases.push({ at: t.occurredAt, amount: t.amount });
  }
  return [...byCustomer.values()];
};
