import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@vafa/platform';
import type { Balance } from '../balance';
import type { LedgerAccount } from '../entities/ledger-posting.entity';
import { notReversible, reversalExceedsOriginal, transactionNotFound } from '../ledger.errors';
import { requireKey, requirePositivePoints } from './command-checks';
import type { EntryContext, LedgerEntry, Posting } from './ledger-entry';
import { ledgerEntryOf } from './ledger-entry-of';
import { LedgerRunner } from './ledger-runner.provider';
import type { LedgerSql } from './ledger-sql';

export interface ReversePointsCommand extends EntryContext {
  transactionId: string;
  /** How many of the original's points to reverse; all that are left when absent. */
  points?: number;
}

interface Original {
  kind: string;
  points: number;
  programAccount: LedgerAccount;
  reversed: number;
}

const REVERSIBLE = (kind: string): boolean => !['reverse', 'expire', 'release'].includes(kind);

/**
 * Undoes an earlier credit or debit, fully or in part, never more than it moved in total.
 * A credit's reversal cancels its own lot first (pending points before anything else), then takes
 * other available points; what is still missing becomes a visible debt. A debit's reversal gives
 * the points back to the very lots it took them from.
 */
@Injectable()
export class ReversePointsUseCase {
  constructor(
    private readonly runner: LedgerRunner,
    private readonly clock: Clock,
  ) {}

  execute(command: ReversePointsCommand, manager?: EntityManager): Promise<LedgerEntry> {
    if (command.points !== undefined) {
      requirePositivePoints(command.points);
    }
    requireKey(command.idempotencyKey);
    return this.runner.run(manager, (sql) => this.reverse(sql, command));
  }

  private async original(
    sql: LedgerSql,
    command: ReversePointsCommand,
    excluding?: string,
  ): Promise<Original> {
    const rows = await sql.manager.query<
      { kind: string; points: string; program: LedgerAccount; reversed: string }[]
    >(
      // Each table names the member ($1), so Citus sends the whole statement to its shard.
      `SELECT t.kind, t.points,
              (SELECT account FROM ledger_postings p WHERE p.member_id = $1 AND p.transaction_id = t.id
                 AND account LIKE 'program:%' LIMIT 1) AS program,
              (SELECT coalesce(sum(abs(r.points)), 0) FROM ledger_transactions r
                 WHERE r.member_id = $1 AND r.reverses_id = t.id AND r.id IS DISTINCT FROM $3) AS reversed
       FROM ledger_transactions t WHERE t.member_id = $1 AND t.id = $2`,
      [command.memberId, command.transactionId, excluding ?? null],
    );
    const row = rows[0];
    if (!row) {
      throw transactionNotFound();
    }
    if (!REVERSIBLE(row.kind)) {
      throw notReversible(row.kind);
    }
    return {
      kind: row.kind,
      points: Number(row.points),
      programAccount: row.program,
      reversed: Number(row.reversed),
    };
  }

  private async reverse(sql: LedgerSql, command: ReversePointsCommand): Promise<LedgerEntry> {
    const { memberId } = command;
    const guess = await this.original(sql, command);
    const amount = command.points ?? Math.abs(guess.points) - guess.reversed;
    const sign = guess.points > 0 ? -1 : 1;
    const request = {
      memberId,
      of: command.transactionId,
      points: command.points ?? null,
      reference: command.reference ?? null,
    };
    const tx = await sql.insertTransaction(
      command,
      { kind: 'reverse', points: sign * amount, reversesId: command.transactionId, request },
      this.clock.now(),
    );
    // tx.kind is 'reverse': a key reused for another kind of request was refused above.
    const entry = (balance: Balance, replayed: boolean, pendingPoints = 0): LedgerEntry =>
      ledgerEntryOf(tx, memberId, balance, replayed, pendingPoints);
    if (tx.existing) {
      return entry(await sql.balances(memberId), true);
    }
    // Checked after the replay check: a retried full reversal finds nothing left, yet succeeded.
    if (amount <= 0) {
      throw reversalExceedsOriginal(0);
    }

    const prior = await sql.lockAccount(memberId);
    // Re-read under the lock: a concurrent reversal of the same original may have committed.
    const original = await this.original(sql, command, tx.id);
    const left = Math.abs(original.points) - original.reversed;
    if (amount > left) {
      throw reversalExceedsOriginal(left);
    }

    if (original.points > 0) {
      const { balance, pendingTaken } = await this.reverseCredit(
        sql,
        command,
        tx.id,
        amount,
        original,
      );
      return entry(balance, false, pendingTaken);
    }
    return entry(
      await this.reverseDebit(sql, command, tx.id, amount, original, prior.available),
      false,
    );
  }

  private async reverseCredit(
    sql: LedgerSql,
    command: ReversePointsCommand,
    transactionId: string,
    amount: number,
    original: Original,
  ): Promise<{ balance: Balance; pendingTaken: number }> {
    const { memberId } = command;
    const lots = await sql.manager.query<{ id: string; remaining: string; state: string }[]>(
      'SELECT id, remaining, state FROM ledger_lots WHERE member_id = $1 AND transaction_id = $2',
      [memberId, command.transactionId],
    );
    let pendingTaken = 0;
    let availableTaken = 0;
    for (const lot of lots) {
      const take = Math.min(Number(lot.remaining), amount - pendingTaken - availableTaken);
      if (take <= 0) {
        continue;
      }
      await sql.takeFromLot(memberId, lot.id, transactionId, take);
      if (lot.state === 'pending') {
        pendingTaken += take;
      } else {
        availableTaken += take;
      }
    }
    // The rest was already spent: take it from other available points, and owe what is missing.
    const shortfall = amount - pendingTaken - availableTaken;
    await sql.consumeLots(memberId, transactionId, shortfall);
    const balance = await sql.changeBalances(memberId, {
      available: -(availableTaken + shortfall),
      pending: -pendingTaken,
      lifetimeEarned: -amount,
    });
    const postings: Posting[] = [
      ['member:pending', -pendingTaken],
      ['member:available', -(availableTaken + shortfall)],
      [original.programAccount, amount],
    ];
    await sql.insertPostings(memberId, transactionId, postings);
    return { balance, pendingTaken };
  }

  private async reverseDebit(
    sql: LedgerSql,
    command: ReversePointsCommand,
    transactionId: string,
    amount: number,
    original: Original,
    priorAvailable: number,
  ): Promise<Balance> {
    const { memberId } = command;
    // What the original still holds of each lot, net of earlier partial reversals.
    const held = await sql.manager.query<{ lot_id: string; amount: string }[]>(
      `SELECT c.lot_id, sum(c.amount) AS amount
       FROM ledger_lot_consumptions c JOIN ledger_lots l ON l.member_id = c.member_id AND l.id = c.lot_id
       WHERE c.member_id = $1 AND (c.transaction_id = $2 OR (c.step = 0 AND c.transaction_id IN (
         SELECT id FROM ledger_transactions WHERE member_id = $1 AND reverses_id = $2 AND id <> $3)))
       GROUP BY c.lot_id, l.expires_at, l.id HAVING sum(c.amount) > 0
       ORDER BY l.expires_at DESC NULLS FIRST, l.id DESC`,
      [memberId, command.transactionId, transactionId],
    );
    let restored = 0;
    for (const lot of held) {
      const give = Math.min(Number(lot.amount), amount - restored);
      if (give <= 0) {
        break;
      }
      await sql.takeFromLot(memberId, lot.lot_id, transactionId, -give);
      restored += give;
    }
    if (restored !== amount) {
      throw new Error(`ledger invariant broken: restored ${restored} of ${amount}`);
    }
    const balance = await sql.changeBalances(memberId, { available: amount });
    if (priorAvailable < 0) {
      await sql.consumeLots(memberId, transactionId, Math.min(amount, -priorAvailable), 1);
    }
    await sql.insertPostings(memberId, transactionId, [
      [original.programAccount, -amount],
      ['member:available', amount],
    ]);
    return balance;
  }
}
