import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@vafa/platform';
import { requireKey, requirePositivePoints } from './command-checks';
import type { EntryContext, LedgerEntry } from './ledger-entry';
import { LedgerRunner } from './ledger-runner';
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
    const tx = await sql.insertTransaction(command, { kind: command.kind, points, request }, now);
    const pending = command.availableAt !== undefined && command.availableAt > now;
    const entry = (
      balance: { available: number; pending: number },
      replayed: boolean,
    ): LedgerEntry => ({
      transactionId: tx.id,
      memberId,
      kind: tx.kind,
      points: tx.points,
      pendingPoints: pending ? points : 0,
      occurredAt: tx.occurredAt.toISOString(),
      replayed,
      balance,
    });
    if (tx.existing) return entry(await sql.balances(memberId), true);

    const prior = await sql.lockAccount(memberId);
    const lot = {
      amount: points,
      remaining: points,
      state: pending ? ('pending' as const) : ('available' as const),
      availableAt: pending && command.availableAt ? command.availableAt : now,
      expiresAt: command.expiresAt,
    };
    const lotId = await sql.insertLot(memberId, tx.id, lot);
    const balance = await sql.changeBalances(memberId, {
      available: pending ? 0 : points,
      pending: pending ? points : 0,
      lifetimeEarned: points,
    });
    if (!pending && prior.available < 0) {
      await sql.takeFromLot(memberId, lotId, tx.id, Math.min(points, -prior.available), 1);
    }
    await sql.insertPostings(memberId, tx.id, [
      [command.source, -points],
      [pending ? 'member:pending' : 'member:available', points],
    ]);
    return entry(balance, false);
  }
}
