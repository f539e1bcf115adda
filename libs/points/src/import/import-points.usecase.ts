import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  addDays,
  AuditLog,
  EventOutbox,
  type EventPayload,
  inTransaction,
  type OutboxEvent,
} from '@vafa/platform';
import {
  CreditPointsUseCase,
  type PointsEarnedEventData,
  type ProgramSettings,
  ProgramSettingsRepository,
} from '@vafa/ledger';
import { EarningRulesRepository } from '../earning-rules/earning-rules.repository';
import { calculateEarnPoints, type Channel, type EarningRule } from '../rules';
import { openImportLedgerContext } from './import-ledger.module';

/** Transactions at once; the import command's pool holds 8 connections. */
const CONCURRENT_TRANSACTIONS = 4;
/**
 * Members credited in one transaction. Each transaction takes its members' account locks in
 * member id order and no member is in two of them, so they cannot deadlock one another; fewer,
 * larger transactions spare a commit (and its WAL flush) per member.
 */
const MEMBERS_PER_TRANSACTION = 50;

interface ImportedOrder {
  id: string;
  member_id: string;
  order_id: string;
  channel: Channel;
  occurred_at: Date;
  total: string;
}

export interface AwardOutcome {
  orders: number;
  points: number;
}

/**
 * Credits points for imported orders through the ledger, at the base rate of the program's active
 * earning rules (their pointsPerUnit and conditions; multipliers, bonuses, tiers and daily limits
 * are for live checkouts). Each credit's idempotency key is `import:<order uuid>`, and the order
 * records it, so running the import again never credits an order twice.
 */
export class ImportPointsAwarder {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly context: INestApplicationContext,
    private readonly credit: CreditPointsUseCase,
    private readonly events: EventOutbox,
    private readonly settings: ProgramSettings,
    private readonly rules: EarningRule[],
  ) {}

  static async open(dataSource: DataSource): Promise<ImportPointsAwarder> {
    const context = await openImportLedgerContext(dataSource);
    try {
      const settings = await context.get(ProgramSettingsRepository).get();
      const rules = (
        await new EarningRulesRepository(dataSource, context.get(AuditLog)).activeRules()
      )
        .filter((rule) => rule.effect.pointsPerUnit !== undefined)
        .map((rule): EarningRule => ({
          ...rule,
          effect: { pointsPerUnit: rule.effect.pointsPerUnit },
          limits: undefined,
        }));
      return new ImportPointsAwarder(
        dataSource,
        context,
        context.get(CreditPointsUseCase),
        context.get(EventOutbox),
        settings,
        rules,
      );
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  get baseRules(): number {
    return this.rules.length;
  }

  close(): Promise<void> {
    return this.context.close();
  }

  /** Awards the imported orders among `orderIds` that have not earned yet. */
  async award(orderIds: readonly string[]): Promise<AwardOutcome> {
    if (this.rules.length === 0 || orderIds.length === 0) {
      return { orders: 0, points: 0 };
    }
    // Whose orders they are first (order_ids), then the orders among each member's rows.
    const known = await this.dataSource.query<{ member_id: string; order_uuid: string }[]>(
      'SELECT member_id, order_uuid FROM order_ids WHERE order_id = ANY($1::text[])',
      [orderIds],
    );
    if (known.length === 0) {
      return { orders: 0, points: 0 };
    }
    const orders = await this.dataSource.query<ImportedOrder[]>(
      `SELECT o.id, o.member_id, o.order_id, o.channel, o.occurred_at, o.total
       FROM unnest($1::uuid[], $2::uuid[]) AS k(member_id, id)
       JOIN orders o ON o.member_id = k.member_id AND o.id = k.id
       WHERE o.source = 'import' AND o.earn_transaction_id IS NULL`,
      [known.map((k) => k.member_id), known.map((k) => k.order_uuid)],
    );
    const byMember = new Map<string, ImportedOrder[]>();
    for (const order of orders) {
      const list = byMember.get(order.member_id) ?? [];
      list.push(order);
      byMember.set(order.member_id, list);
    }
    const outcome: AwardOutcome = { orders: 0, points: 0 };
    const members = [...byMember.keys()].sort();
    const queue: ImportedOrder[][] = [];
    for (let i = 0; i < members.length; i += MEMBERS_PER_TRANSACTION) {
      queue.push(
        members.slice(i, i + MEMBERS_PER_TRANSACTION).flatMap((m) => byMember.get(m) ?? []),
      );
    }
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const done = await this.awardOrders(next);
        outcome.orders += done.orders;
        outcome.points += done.points;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT_TRANSACTIONS }, worker));
    return outcome;
  }

  /**
   * Some members' orders (grouped by member, members in id order) in one transaction, with a
   * points.earned event for each.
   */
  private awardOrders(orders: ImportedOrder[]): Promise<AwardOutcome> {
    const now = new Date();
    return inTransaction(this.dataSource, async (manager) => {
      const outcome: AwardOutcome = { orders: 0, points: 0 };
      const events: OutboxEvent[] = [];
      for (const order of orders) {
        const total = Number(order.total);
        const earn = calculateEarnPoints(
          {
            channel: order.channel,
            occurredAt: order.occurred_at,
            timeZone: this.settings.timeZone,
            minorUnitsPerMajor: this.settings.minorUnitsPerMajor,
            lines: [{ sku: 'import', quantity: 1, unitPrice: total }],
          },
          this.rules,
        );
        if (earn.totalPoints <= 0) {
          continue;
        }
        // The return window runs from the purchase; expiry from the import, so history does not
        // arrive already expired.
        const availableAt = addDays(order.occurred_at, this.settings.pointsPendingDays);
        const expiresAt =
          this.settings.pointsExpiryDays > 0
            ? addDays(
                new Date(Math.max(availableAt.getTime(), now.getTime())),
                this.settings.pointsExpiryDays,
              )
            : null;
        const entry = await this.credit.execute(
          {
            memberId: order.member_id,
            points: earn.totalPoints,
            kind: 'earn',
            source: 'program:issued',
            availableAt,
            expiresAt,
            idempotencyKey: `import:${order.id}`,
            description: `Earned ${earn.totalPoints} points on imported order ${order.order_id}: ${earn.description}`,
            reference: { orderId: order.order_id, checkoutId: order.id, imported: true },
            occurredAt: order.occurred_at,
          },
          manager,
        );
        await manager.query(
          `UPDATE orders SET points_earned = $3, earn_transaction_id = $4, applied_rules = $5
           WHERE member_id = $1 AND id = $2`,
          [
            order.member_id,
            order.id,
            earn.totalPoints,
            entry.transactionId,
            JSON.stringify(earn.appliedRules),
          ],
        );
        outcome.orders++;
        outcome.points += earn.totalPoints;
        if (entry.replayed) {
          continue;
        }
        const data: EventPayload<PointsEarnedEventData> = {
          memberId: order.member_id,
          transactionId: entry.transactionId,
          points: earn.totalPoints,
          pendingPoints: entry.pendingPoints,
          availableAt: entry.pendingPoints > 0 ? availableAt.toISOString() : null,
          expiresAt: expiresAt?.toISOString() ?? null,
          source: 'import',
          orderId: order.order_id,
          checkoutId: order.id,
          storeId: null,
          channel: order.channel,
          appliedRules: earn.appliedRules,
          balance: entry.balance,
        };
        events.push({ type: 'points.earned', memberId: order.member_id, data });
      }
      await this.events.emitMany(manager, events);
      return outcome;
    });
  }
}
