import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  Clock,
  DAY_MS,
  EventOutbox,
  type EventPayload,
  ListenerFor,
  preparedQuery,
  type PreparedStatement,
} from '@vafa/platform';
import {
  CreditPointsUseCase,
  lockMemberAccount,
  lotDates,
  pointsReversedEvent,
  ProgramSettingsRepository,
  ReversePointsUseCase,
} from '@vafa/ledger';
import {
  NO_REACTION,
  PURCHASE_SEAM,
  PurchaseEvent,
  PurchaseListener,
  PurchaseReaction,
  PurchasesReaction,
  ReturnEvent,
} from '@vafa/points';
import { ReferralProgramRepository, ReferralProgramView } from './referral-program.repository';
import type { ReferralQualifiedEventData, ReferralRewardedEventData } from './referral-events.dto';

interface ReferralRow {
  referee_id: string;
  referrer_id: string;
  joined_at: Date;
  status: string;
  approved: boolean;
  qualifying_order_uuid: string | null;
  referee_transaction_id: string | null;
  referrer_transaction_id: string | null;
}

/**
 * Pays both sides once, inside the checkout of the referee's first qualifying purchase (with
 * deterministic keys), holds flagged referrals, and takes the points back if that order is
 * returned below the minimum spend.
 */
const REFERRAL_COLUMNS = `referee_id, referrer_id, joined_at, status, approved, qualifying_order_uuid,
  referee_transaction_id, referrer_transaction_id`;

const REFEREE_REFERRAL: PreparedStatement = {
  name: 'vafa_referral_of_referee',
  text: `SELECT ${REFERRAL_COLUMNS} FROM referrals WHERE referee_id = $1 FOR UPDATE`,
};

const REFEREES_REFERRALS: PreparedStatement = {
  name: 'vafa_referral_of_referees',
  text: `SELECT ${REFERRAL_COLUMNS} FROM referrals WHERE referee_id = ANY($1::uuid[])
   ORDER BY referee_id FOR UPDATE`,
};

/** Whether a purchase may still qualify this referral (else nothing is done about it). */
const mayQualify = (referral: ReferralRow | undefined): referral is ReferralRow =>
  !!referral &&
  (referral.status === 'joined' || referral.status === 'held') &&
  !referral.qualifying_order_uuid;

@Injectable()
@ListenerFor(PURCHASE_SEAM)
export class ReferralPurchaseListener implements PurchaseListener {
  constructor(
    private readonly program: ReferralProgramRepository,
    private readonly settings: ProgramSettingsRepository,
    private readonly credit: CreditPointsUseCase,
    private readonly reverse: ReversePointsUseCase,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /** The referral an order qualified, locked; the order's member is the referee. */
  private async qualifiedBy(
    manager: EntityManager,
    refereeId: string,
    orderUuid: string,
  ): Promise<ReferralRow | undefined> {
    const [row] = await manager.query<ReferralRow[]>(
      `SELECT ${REFERRAL_COLUMNS} FROM referrals
       WHERE referee_id = $1 AND qualifying_order_uuid = $2 FOR UPDATE`,
      [refereeId, orderUuid],
    );
    return row;
  }

  async onPurchase(manager: EntityManager, event: PurchaseEvent): Promise<PurchaseReaction> {
    // Every checkout asks, and most members were not referred: a prepared statement.
    const {
      rows: [referral],
    } = await preparedQuery<ReferralRow>(manager, REFEREE_REFERRAL, [event.memberId]);
    if (!mayQualify(referral)) {
      return NO_REACTION;
    }
    const program = await this.program.get(manager);
    const deadline = referral.joined_at.getTime() + program.attributionDays * DAY_MS;
    if (event.occurredAt.getTime() > deadline) {
      await this.setStatus(manager, referral.referee_id, 'expired');
      return NO_REACTION;
    }
    if (event.total < program.qualifyingMinSpend) {
      return NO_REACTION;
    }
    await manager.query(
      'UPDATE referrals SET qualifying_order_uuid = $2, updated_at = $3 WHERE referee_id = $1',
      [referral.referee_id, event.orderUuid, this.clock.now()],
    );
    const held = referral.status === 'held' && !referral.approved;
    const qualified: EventPayload<ReferralQualifiedEventData> = {
      memberId: referral.referrer_id,
      referrerId: referral.referrer_id,
      refereeId: referral.referee_id,
      orderId: event.orderId,
      checkoutId: event.orderUuid,
      held,
    };
    await this.events.emit(manager, {
      type: 'referral.qualified',
      memberId: referral.referrer_id,
      data: qualified,
    });
    if (held) {
      return NO_REACTION;
    }
    await this.pay(manager, referral.referee_id, referral.referrer_id, program, event.orderId);
    return {
      movedPoints: true,
      messages:
        program.refereePoints > 0
          ? [`Welcome bonus: ${program.refereePoints} points for joining through a friend.`]
          : [],
    };
  }

  /**
   * Many members' purchases (a batch of checkouts): their referrals read, and locked, in one
   * statement sent at once; once the purchases are written, the one-purchase path only for the
   * few whose referral they may qualify.
   */
  beforePurchases(manager: EntityManager, memberIds: readonly string[]): PurchasesReaction {
    const read = preparedQuery<ReferralRow>(manager, REFEREES_REFERRALS, [[...memberIds]]);
    read.catch(() => undefined);
    return async (events) => {
      const open = new Set((await read).rows.filter(mayQualify).map((r) => r.referee_id));
      const reactions = new Map<string, PurchaseReaction>();
      for (const event of events) {
        if (open.has(event.memberId)) {
          reactions.set(event.memberId, await this.onPurchase(manager, event));
        }
      }
      return reactions;
    };
  }

  /** Credits both sides (the referrer only while under the cap) and marks the referral rewarded. */
  async pay(
    manager: EntityManager,
    refereeId: string,
    referrerId: string,
    program: ReferralProgramView,
    orderId: string | null,
  ): Promise<void> {
    const now = this.clock.now();
    const { expiresAt } = lotDates(
      { ...(await this.settings.get(manager)), pointsPendingDays: 0 },
      now,
    );
    const reference = { refereeId, referrerId, orderId };
    let refereeTx: string | null = null;
    let referrerTx: string | null = null;
    if (program.refereePoints > 0) {
      const entry = await this.credit.execute(
        {
          memberId: refereeId,
          points: program.refereePoints,
          kind: 'referral',
          source: 'program:issued',
          expiresAt,
          idempotencyKey: `referral:${refereeId}:referee`,
          description: `Welcome bonus: ${program.refereePoints} points for joining through a friend`,
          reference,
        },
        manager,
      );
      refereeTx = entry.transactionId;
    }
    const [rewarded] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM referrals WHERE referrer_id = $1 AND referrer_transaction_id IS NOT NULL AND status = 'rewarded'`,
      [referrerId],
    );
    let referrerPoints = 0;
    if (program.referrerPoints > 0 && (rewarded?.n ?? 0) < program.maxReferralsPerMember) {
      // The referrer joined before the referee, so this second lock always follows the same order.
      await lockMemberAccount(manager, referrerId);
      const entry = await this.credit.execute(
        {
          memberId: referrerId,
          points: program.referrerPoints,
          kind: 'referral',
          source: 'program:issued',
          expiresAt,
          idempotencyKey: `referral:${refereeId}:referrer`,
          description: `${program.referrerPoints} points for referring a friend who made their first purchase`,
          reference,
        },
        manager,
      );
      referrerTx = entry.transactionId;
      referrerPoints = program.referrerPoints;
    }
    await manager.query(
      `UPDATE referrals SET status = 'rewarded', referee_transaction_id = $2, referrer_transaction_id = $3,
         referee_points = $4, referrer_points = $5, updated_at = $6 WHERE referee_id = $1`,
      [
        refereeId,
        refereeTx,
        referrerTx,
        refereeTx ? program.refereePoints : 0,
        referrerPoints,
        now,
      ],
    );
    const data: EventPayload<ReferralRewardedEventData> = {
      memberId: referrerId,
      referrerId,
      refereeId,
      orderId,
      refereePoints: refereeTx ? program.refereePoints : 0,
      referrerPoints,
      refereeTransactionId: refereeTx,
      referrerTransactionId: referrerTx,
    };
    await this.events.emit(manager, { type: 'referral.rewarded', memberId: referrerId, data });
  }

  async onReturn(manager: EntityManager, event: ReturnEvent): Promise<void> {
    const referral = await this.qualifiedBy(manager, event.memberId, event.orderUuid);
    if (!referral || referral.status !== 'rewarded') {
      return;
    }
    const program = await this.program.get(manager);
    if (event.remainingTotal >= program.qualifyingMinSpend) {
      return;
    }
    const taken = [
      [referral.referee_id, referral.referee_transaction_id, 'referee'],
      [referral.referrer_id, referral.referrer_transaction_id, 'referrer'],
    ] as const;
    for (const [memberId, transactionId, side] of taken) {
      if (!transactionId) {
        continue;
      }
      if (side === 'referrer') {
        await lockMemberAccount(manager, memberId);
      }
      const entry = await this.reverse.execute(
        {
          memberId,
          transactionId,
          idempotencyKey: `referral:${referral.referee_id}:${side}:reversed`,
          description: `Referral points taken back: the qualifying order ${event.orderId} was returned`,
          reference: { orderId: event.orderId, refereeId: referral.referee_id },
        },
        manager,
      );
      if (entry.replayed) {
        continue;
      }
      const why = { reason: 'referral_return' as const, orderId: event.orderId };
      await this.events.emit(manager, pointsReversedEvent(entry, transactionId, why));
    }
    await this.setStatus(manager, referral.referee_id, 'reversed');
  }

  private async setStatus(
    manager: EntityManager,
    refereeId: string,
    status: string,
  ): Promise<void> {
    await manager.query('UPDATE referrals SET status = $2, updated_at = $3 WHERE referee_id = $1', [
      refereeId,
      status,
      this.clock.now(),
    ]);
  }
}
