import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Clock,
  EventOutbox,
  type EventPayload,
  inTransaction,
  once,
  requestHash,
  StaffPrincipal,
} from '@vafa/platform';
import {
  DebitPointsUseCase,
  insufficientPoints,
  lockMemberAccount,
  type PointsRedeemedEventData,
  RecordActivityUseCase,
} from '@vafa/ledger';
import { TierLookupQuery } from '@vafa/tiers';
import { isRewardVisible } from '../catalog/reward-visibility';
import { rewardLimitReached, rewardNotFound } from '../rewards.errors';
import { fulfilmentOf, type RewardRedeemedEventData } from '../events/reward-events.dto';
import type { RedemptionResultDto } from './redemption.dto';
import { RewardIssuer, toIssuedReward } from './reward-issuer.repository';

/** How many of this reward the member has bought with points and not had cancelled. */
export async function countRedeemed(
  manager: EntityManager,
  memberId: string,
  rewardId: string,
): Promise<number> {
  const rows = await manager.query<{ n: string }[]>(
    `SELECT count(*) AS n FROM reward_redemptions
     WHERE member_id = $1 AND reward_id = $2 AND source = 'redeem' AND status <> 'cancelled'`,
    [memberId, rewardId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Who asked for a redemption: the member themself (their app), or a till on their behalf. */
interface RedemptionRequest {
  /** Where the member's Idempotency-Key is remembered (the app, or the staff key). */
  scope: string;
  key: string;
  hash: string;
  /** The redemption row's own key, unique per member. */
  rowKey: string;
  /** The till's store, recorded on the ledger entry. */
  storeId: string | null;
  /** Who redeemed: the member in their app, or a cashier for them. */
  source: 'member' | 'till';
}

/**
 * A member spends points on a reward: the points, a unit of stock and the coupon or perk, in ONE
 * transaction, once per Idempotency-Key. A refused redemption writes nothing. The member does it
 * in their app, or a cashier at the till for a member without the app: the same rules.
 */
@Injectable()
export class RedeemRewardUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly issuer: RewardIssuer,
    private readonly debit: DebitPointsUseCase,
    private readonly activity: RecordActivityUseCase,
    private readonly tiers: TierLookupQuery,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /** The member's own redemption (a member token). */
  execute(memberId: string, rewardId: string, key: string): Promise<RedemptionResultDto> {
    return this.run(memberId, rewardId, {
      scope: `redeem:${memberId}`,
      key,
      hash: requestHash({ rewardId }),
      rowKey: `redeem:${key}`,
      storeId: null,
      source: 'member',
    });
  }

  /**
   * A cashier's redemption for the member in front of them. The key is the till's, per member:
   * the same key for another reward is 409 IDEMPOTENCY_KEY_REUSED, for another member it is
   * another redemption.
   */
  executeAtTill(
    memberId: string,
    rewardId: string,
    key: string,
    principal: StaffPrincipal,
  ): Promise<RedemptionResultDto> {
    return this.run(memberId, rewardId, {
      scope: `pos-redeem:${principal.keyId}`,
      key,
      hash: requestHash({ memberId, rewardId }),
      rowKey: `pos:${principal.keyId}:${key}`,
      storeId: principal.storeId,
      source: 'till',
    });
  }

  private run(
    memberId: string,
    rewardId: string,
    request: RedemptionRequest,
  ): Promise<RedemptionResultDto> {
    const { scope, key, hash } = request;
    return inTransaction(this.dataSource, async (manager) => {
      const { response } = await once(manager, { memberId, scope, key, hash }, () =>
        this.redeem(manager, memberId, rewardId, request),
      );
      return response;
    });
  }

  private async redeem(
    manager: EntityManager,
    memberId: string,
    rewardId: string,
    request: RedemptionRequest,
  ): Promise<RedemptionResultDto> {
    // The member's redemptions run one at a time, so the per-member limit holds under races.
    const account = await lockMemberAccount(manager, memberId);
    const now = this.clock.now();
    const reward = await this.issuer.load(manager, rewardId);
    if (!reward) {
      throw rewardNotFound();
    }
    const tier = await this.tiers.current(memberId, manager);
    // Gated, inactive or out-of-window rewards do not exist for this member.
    if (!isRewardVisible(reward, now, tier?.code ?? null)) {
      throw rewardNotFound();
    }
    if (reward.perMemberLimit !== null) {
      const redeemed = await countRedeemed(manager, memberId, reward.id);
      if (redeemed >= reward.perMemberLimit) {
        throw rewardLimitReached(reward.id, reward.perMemberLimit);
      }
    }
    // Checked before queueing on the reward's row; the debit checks again, atomically.
    if (account.available < reward.pointsCost) {
      throw insufficientPoints(reward.pointsCost, account.available);
    }
    await this.issuer.takeStock(manager, reward);

    const redemptionId = randomUUID();
    const at = request.storeId ? ` at store ${request.storeId}` : '';
    const entry = {
      memberId,
      idempotencyKey: `redemption:${redemptionId}`,
      reference: {
        rewardId: reward.id,
        redemptionId,
        ...(request.storeId ? { storeId: request.storeId } : {}),
      },
      occurredAt: now,
    };
    let balance = account;
    let transactionId: string | null = null;
    if (reward.pointsCost > 0) {
      const spent = await this.debit.execute(
        {
          ...entry,
          points: reward.pointsCost,
          kind: 'redeem',
          sink: 'program:redeemed',
          description: `Redeemed ${reward.pointsCost} points for ${reward.name}${at}`,
        },
        manager,
      );
      balance = spent.balance;
      transactionId = spent.transactionId;
    } else {
      await this.activity.execute(
        {
          ...entry,
          kind: reward.type === 'gift' ? 'gift' : 'perk',
          description: `Claimed ${reward.name}${at}`,
        },
        manager,
      );
    }
    const row = await this.issuer.insert(manager, {
      memberId,
      redemptionId,
      reward,
      source: 'redeem',
      pointsSpent: reward.pointsCost,
      ledgerTransactionId: transactionId,
      idempotencyKey: request.rowKey,
      reason: null,
      now,
    });
    const issued = toIssuedReward(row);
    if (transactionId) {
      const spent: EventPayload<PointsRedeemedEventData> = {
        memberId,
        transactionId,
        points: reward.pointsCost,
        source: 'reward',
        orderId: null,
        checkoutId: null,
        discount: null,
        rewardId: reward.id,
        redemptionId,
        storeId: request.storeId,
        balance: { available: balance.available, pending: balance.pending },
      };
      await this.events.emit(manager, { type: 'points.redeemed', memberId, data: spent });
    }
    const redeemed: EventPayload<RewardRedeemedEventData> = {
      memberId,
      redemptionId,
      rewardId: reward.id,
      name: issued.name,
      type: issued.type,
      pointsCost: reward.pointsCost,
      source: request.source,
      storeId: request.storeId,
      transactionId,
      code: issued.code ?? null,
      expiresAt: issued.expiresAt ?? null,
      fulfilment: fulfilmentOf(issued),
    };
    await this.events.emit(manager, { type: 'reward.redeemed', memberId, data: redeemed });
    return { ...issued, balance: { available: balance.available, pending: balance.pending } };
  }
}
