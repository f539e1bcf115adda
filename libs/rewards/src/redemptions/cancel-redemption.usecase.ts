import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, EventOutbox, inTransaction, isUuid } from '@vafa/platform';
import {
  Balance,
  lockMemberAccount,
  pointsReversedEvent,
  ReversePointsUseCase,
} from '@vafa/ledger';
import { redemptionNotCancellable, redemptionNotFound } from '../rewards.errors';
import type { CancelRedemptionResultDto } from './redemption.dto';
import { REDEMPTION_COLUMNS, RedemptionRow, RewardIssuer } from './reward-issuer.repository';

/**
 * Cancels an unused coupon or perk (active or expired): its points go back to the very lots they
 * were taken from (a reversal of the redemption's debit) and its unit back to stock, in one
 * transaction. Cancelling it again answers the same; a used one cannot be cancelled.
 */
@Injectable()
export class CancelRedemptionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly issuer: RewardIssuer,
    private readonly reverse: ReversePointsUseCase,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(redemptionId: string, reason?: string): Promise<CancelRedemptionResultDto> {
    if (!isUuid(redemptionId)) {
      throw redemptionNotFound();
    }
    const [found] = await this.dataSource.query<{ member_id: string }[]>(
      'SELECT member_id FROM reward_redemptions WHERE id = $1',
      [redemptionId],
    );
    if (!found) {
      throw redemptionNotFound();
    }
    const memberId = found.member_id;
    return inTransaction(this.dataSource, async (manager) => {
      // Same lock order as redemptions and checkouts: the member's account first.
      let balance = await lockMemberAccount(manager, memberId);
      const [row] = await manager.query<RedemptionRow[]>(
        `SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions WHERE member_id = $1 AND id = $2 FOR UPDATE`,
        [memberId, redemptionId],
      );
      if (!row) {
        throw redemptionNotFound();
      }
      const refunded = row.ledger_transaction_id ? Number(row.points_spent) : 0;
      const result = (b: Balance): CancelRedemptionResultDto => ({
        redemptionId,
        memberId,
        rewardId: row.reward_id,
        status: 'cancelled',
        pointsRefunded: refunded,
        balance: { available: b.available, pending: b.pending },
      });
      if (row.status === 'cancelled') {
        return result(balance);
      }
      if (row.status === 'used') {
        throw redemptionNotCancellable(row.status);
      }

      await manager.query(
        `UPDATE reward_redemptions SET status = 'cancelled', cancelled_at = $3
         WHERE member_id = $1 AND id = $2`,
        [memberId, redemptionId, this.clock.now()],
      );
      if (row.ledger_transaction_id && refunded > 0) {
        const entry = await this.reverse.execute(
          {
            memberId,
            transactionId: row.ledger_transaction_id,
            idempotencyKey: `redemption:${redemptionId}:cancel`,
            description: `${refunded} points for ${row.reward_name} given back: the redemption was cancelled`,
            ...(reason ? { reason } : {}),
            reference: { rewardId: row.reward_id, redemptionId },
          },
          manager,
        );
        balance = entry.balance;
        const why = {
          reason: 'redemption_cancelled' as const,
          rewardId: row.reward_id,
          redemptionId,
        };
        await this.events.emit(manager, pointsReversedEvent(entry, row.ledger_transaction_id, why));
      }
      await this.issuer.returnStock(manager, row.reward_id);
      return result(balance);
    });
  }
}
