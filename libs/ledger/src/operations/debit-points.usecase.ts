import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@vafa/platform';
import type { Balance } from '../balance';
import { insufficientPoints } from '../ledger.errors';
import { requireKey, requirePositivePoints } from './command-checks';
import type { EntryContext, LedgerEntry } from './ledger-entry';
import { ledgerEntryOf } from './ledger-entry-of';
import { LedgerRunner } from './ledger-runner.provider';

export interface DebitPointsCommand extends EntryContext {
  points: number;
  /** redeem, adjust, ... */
  kind: string;
  /** The program account the points go to. */
  sink: 'program:redeemed' | 'program:adjusted';
  /**
   * The id to give the new transaction (the database generates one when absent), so that the
   * caller can refer to it before it is written. A replayed transaction keeps its first id.
   */
  newTransactionId?: string;
}

/** Spends available points, soonest-expiring lots first; never overdraws, even under races. */
@Injectable()
export class DebitPointsUseCase {
  constructor(
    private readonly runner: LedgerRunner,
    private readonly clock: Clock,
  ) {}

  execute(command: DebitPointsCommand, manager?: EntityManager): Promise<LedgerEntry> {
    requirePositivePoints(command.points);
    requireKey(command.idempotencyKey);
    return this.runner.run(manager, async (sql) => {
      const { memberId, points } = command;
      const request = {
        memberId,
        points,
        sink: command.sink,
        reference: command.reference ?? null,
        reason: command.reason ?? null,
      };
      const tx = await sql.insertTransaction(
        command,
        { kind: command.kind, points: -points, request, id: command.newTransactionId },
        this.clock.now(),
      );
      const entry = (balance: Balance, replayed: boolean): LedgerEntry =>
        ledgerEntryOf(tx, memberId, balance, replayed);
      if (tx.existing) {
        return entry(await sql.balances(memberId), true);
      }

      const balance = await sql.debitAvailable(memberId, points);
      if (!balance) {
        throw insufficientPoints(points, (await sql.balances(memberId)).available);
      }
      const taken = await sql.consumeLots(memberId, tx.id, points);
      if (taken !== points) {
        throw new Error(
          `ledger invariant broken: lots held ${taken} of ${points} available points`,
        );
      }
      await sql.insertPostings(memberId, tx.id, [
        ['member:available', -points],
        [command.sink, points],
      ]);
      return entry(balance, false);
    });
  }
}
