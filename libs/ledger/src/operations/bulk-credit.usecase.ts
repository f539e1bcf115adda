import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { runByMemberShard, validationFailed } from '@vafa/platform';

export interface BulkCreditCommand {
  /** Distinct members, each with points > 0 and a deterministic idempotency key. */
  grants: { memberId: string; points: number; idempotencyKey: string }[];
  kind: string;
  description: string;
  source: 'program:issued' | 'program:adjusted';
  reference?: Record<string, unknown>;
  occurredAt: Date;
  expiresAt: Date | null;
}

/**
 * Credits many members at once (scheduled grants) in three set-based statements, inside the
 * caller's transaction, with the same effects as one CreditPointsUseCase per member: an
 * available lot, postings, balances, and a debt paid first. A grant whose key was used before
 * is skipped: job keys are deterministic (`campaign:run:member`), so a rerun grants nothing twice.
 */
@Injectable()
export class BulkCreditUseCase {
  async execute(
    command: BulkCreditCommand,
    manager: EntityManager,
  ): Promise<{ memberId: string; transactionId: string }[]> {
    const { grants } = command;
    if (grants.length === 0) {
      return [];
    }
    if (new Set(grants.map((g) => g.memberId)).size !== grants.length) {
      throw validationFailed('Each member may appear once.');
    }
    if (grants.some((g) => !Number.isSafeInteger(g.points) || g.points <= 0)) {
      throw validationFailed('points must be positive.');
    }
    const ids = grants.map((g) => g.memberId);
    await manager.query(
      'INSERT INTO ledger_accounts (member_id) SELECT unnest($1::uuid[]) ON CONFLICT (member_id) DO NOTHING',
      [ids],
    );
    // The ledger's lock order: account rows, by member id (by shard first on Citus).
    await runByMemberShard(manager, 'ledger_accounts', ids, (some) =>
      manager.query(
        'SELECT 1 FROM ledger_accounts WHERE member_id = ANY($1::uuid[]) ORDER BY member_id FOR UPDATE',
        [some],
      ),
    );
    // `member_id = ANY($1)` beside each join with ledger_accounts lets PostgreSQL fetch the few
    // accounts by index: joined with the statement's own rows alone, it may scan every account.
    const rows = await manager.query<{ member_id: string; id: string }[]>(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS i(member_id, points, key)
       ), txns AS (
         INSERT INTO ledger_transactions (member_id, kind, points, idempotency_key, request_hash, description, reference, occurred_at)
         SELECT member_id, $4, points, key, 'bulk:' || key, $5, $6::jsonb, $7 FROM input
         ON CONFLICT (member_id, idempotency_key) DO NOTHING
         RETURNING member_id, id, points
       ), accounts AS (
         SELECT a.member_id, a.available FROM ledger_accounts a JOIN txns t ON t.member_id = a.member_id
         WHERE a.member_id = ANY($1::uuid[])
       ), lots AS (
         INSERT INTO ledger_lots (member_id, transaction_id, amount, remaining, state, available_at, expires_at)
         SELECT t.member_id, t.id, t.points, t.points - least(t.points, greatest(-a.available, 0)), 'available', $7, $8
         FROM txns t JOIN accounts a ON a.member_id = t.member_id
         RETURNING member_id, id, transaction_id, amount - remaining AS debt_paid
       ), debts AS (
         INSERT INTO ledger_lot_consumptions (member_id, transaction_id, lot_id, amount, step)
         SELECT member_id, transaction_id, id, debt_paid, 1 FROM lots WHERE debt_paid > 0
       ), postings AS (
         INSERT INTO ledger_postings (member_id, transaction_id, account, amount)
         SELECT member_id, id, $9, -points FROM txns
         UNION ALL SELECT member_id, id, 'member:available', points FROM txns
       ), balances AS (
         UPDATE ledger_accounts a SET available = a.available + t.points, lifetime_earned = a.lifetime_earned + t.points,
                updated_at = now()
         FROM txns t WHERE a.member_id = t.member_id AND a.member_id = ANY($1::uuid[])
       )
       SELECT member_id, id FROM txns`,
      [
        ids,
        grants.map((g) => g.points),
        grants.map((g) => g.idempotencyKey),
        command.kind,
        command.description,
        command.reference ? JSON.stringify(command.reference) : null,
        command.occurredAt,
        command.expiresAt,
        command.source,
      ],
    );
    return rows.map((r) => ({ memberId: r.member_id, transactionId: r.id }));
  }
}
