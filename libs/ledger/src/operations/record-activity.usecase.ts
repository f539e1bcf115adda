import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@vafa/platform';
import { requireKey } from './command-checks';
import type { EntryContext } from './ledger-entry';
import { LedgerRunner } from './ledger-runner.provider';

/**
 * Puts an event that moves no points (a tier change, a perk granted) into the member's activity,
 * beside their points, once per idempotency key. It has no postings, so every sum is untouched.
 */
@Injectable()
export class RecordActivityUseCase {
  constructor(
    private readonly runner: LedgerRunner,
    private readonly clock: Clock,
  ) {}

  execute(
    command: EntryContext & { kind: string },
    manager?: EntityManager,
  ): Promise<{ transactionId: string; replayed: boolean }> {
    requireKey(command.idempotencyKey);
    return this.runner.run(manager, async (sql) => {
      const request = {
        memberId: command.memberId,
        description: command.description,
        reference: command.reference ?? null,
      };
      const tx = await sql.insertTransaction(
        command,
        { kind: command.kind, points: 0, request },
        this.clock.now(),
      );
      return { transactionId: tx.id, replayed: tx.existing };
    });
  }
}
