import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@vafa/platform';
import { requireKey, requirePositivePoints } from './command-checks';
import type { EntryContext, LedgerEntry, Posting } from './ledger-entry';
import { ledgerEntryOf } from './ledger-entry-of';
import { LedgerRunner } from './ledger-runner.provider';
import type { LedgerSql } from './ledger-sql';

export interface CreditPointsCommand extends EntryContext {
  points: number;
  /** earn, adjust, referral, campaign, ... (shown in the member's activity). */
  kind: string;
  /** The program account the points come from. */
  source: 'program:issued' | 'program:adjusted';
  /** Pending until then (the return window); available at once when absent or past. */
  availableAt?: Date;
  expiresAt: Date | null;
  /**
   * The id to give the new transaction (the database generates one when absent), so that the
   * caller can refer to it before it is written. A replayed transaction keeps its first id.
   */
  newTransactionId?: string;
}

/**
 * Credits points as a new lot. Pending lots wait for the release job; points that become
 * available while the member owes points (after a return) pay that debt first.
 */
@Injectable()
export class CreditPointsUseCase {
  constructor(
    private readonly runner: LedgerRunner,
    private readonly clock: Clock,
  ) {}

  execute(command: CreditPointsCommand, manager?: EntityManager): Promise<LedgerEntry> {
    requirePositivePoints(command.points);
    requireKey(command.idempotencyKey);
    return this.runner.run(manager, (sql) => this.credit(sql, command));
  }

  private async credit(sql: LedgerSql, command: CreditPointsCommand): Promise<LedgerEntry> {
    const now = this.clock.now();
    const { memberId, points } = command;
    const request = {
      memberId,
      points,
      source: command.source,
      availableAt: command.availableAt?.toISOString() ?? null,
      expiresAt: command.expiresAt?.toISOString() ?? null,
      reference: command.reference ?? null,
      reason: command.reason ?? null,
    };
    const fields = { kind: command.kind, points, request, id: command.newTransactionId };
    const pending = command.availableAt !== undefined && command.availableAt > now;
    const pendingPoints = pending ? points : 0;
    const delta = {
      available: pending ? 0 : points,
      pending: pending ? points : 0,
      lifetimeEarned: points,
    };
    const lot = {
      amount: points,
      remaining: points,
      state: pending ? ('pending' as const) : ('available' as const),
      availableAt: pending && command.availableAt ? command.availableAt : now,
      expiresAt: command.expiresAt,
    };
    const postings: Posting[] = [
      [command.source, -points],
      [pending ? 'member:pending' : 'member:available', points],
    ];

    // A new key (the usual case): the transaction, the balance change (which locks the account
    // row, creating it if needed), the lot and the postings in one statement.
    let written = await sql.insertCredit(command, fields, now, delta, lot, postings);
    if (!written) {
      // The key is taken: a replay, another request (409), or a first use that was still in
      // flight and may since have rolled back. Step by step, as it always was.
      const tx = await sql.insertTransaction(command, fields, now);
      if (tx.existing) {
        return ledgerEntryOf(tx, memberId, await sql.balances(memberId), true, pendingPoints);
      }
      written = { tx, ...(await sql.creditAccount(memberId, tx.id, delta, lot, postings)) };
    }
    const { tx, prior, balance, lotId } = written;
    if (!pending && prior.available < 0) {
      await sql.takeFromLot(memberId, lotId, tx.id, Math.min(points, -prior.available), 1);
    }
    return ledgerEntryOf(tx, memberId, balance, false, pendingPoints);
  }
}
