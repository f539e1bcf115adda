import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  Clock,
  EventOutbox,
  type EventPayload,
  idempotencyKeyReused,
  isUuid,
  validationFailed,
} from '@vafa/platform';
import { lockMemberAccount, RecordActivityUseCase } from '@vafa/ledger';
import { memberNotFound } from '@vafa/members';
import { rewardNotFound } from '../rewards.errors';
import { fulfilmentOf, type RewardRedeemedEventData } from '../events/reward-events.dto';
import {
  IssuedReward,
  REDEMPTION_COLUMNS,
  RedemptionRow,
  RewardIssuer,
  toIssuedReward,
} from './reward-issuer.repository';

export type GrantedReward = IssuedReward & { replayed: boolean };

/**
 * Issues a reward's coupon or perk without spending points (campaigns, birthdays, service
 * recovery). It takes a unit of stock but ignores the catalog's gates (active, window, tiers,
 * per-member limit): whoever grants it has chosen this member. Free grants do not count towards
 * the member's redemption limit.
 */
@Injectable()
export class GrantRewardUseCase {
  constructor(
    private readonly issuer: RewardIssuer,
    private readonly activity: RecordActivityUseCase,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /** A grant by staff (service recovery, a gift): `grantFree`, announced as reward.redeemed. */
  async grantByStaff(
    manager: EntityManager,
    memberId: string,
    rewardId: string,
    idempotencyKey: string,
    reason: string | null,
  ): Promise<GrantedReward> {
    const granted = await this.grantFree(manager, memberId, rewardId, idempotencyKey, reason);
    if (granted.replayed) {
      return granted;
    }
    const data: EventPayload<RewardRedeemedEventData> = {
      memberId,
      redemptionId: granted.redemptionId,
      rewardId: granted.rewardId,
      name: granted.name,
      type: granted.type,
      pointsCost: 0,
      source: 'staff_grant',
      storeId: null,
      transactionId: null,
      code: granted.code ?? null,
      expiresAt: granted.expiresAt ?? null,
      fulfilment: fulfilmentOf(granted),
    };
    await this.events.emit(manager, { type: 'reward.redeemed', memberId, data });
    return granted;
  }

  /**
   * In the caller's transaction; once per (member, idempotencyKey): a rerun returns the first
   * grant (`replayed`), and the same key for another reward is 409 IDEMPOTENCY_KEY_REUSED.
   */
  async grantFree(
    manager: EntityManager,
    memberId: string,
    rewardId: string,
    idempotencyKey: string,
    reason: string | null = null,
  ): Promise<GrantedReward> {
    if (!idempotencyKey || idempotencyKey.length > 300) {
      throw validationFailed('An idempotency key of 1 to 300 characters is required.');
    }
    if (!isUuid(memberId)) {
      throw memberNotFound();
    }
    const member = await manager.query<unknown[]>('SELECT 1 FROM member_profiles WHERE id = $1', [
      memberId,
    ]);
    if (member.length === 0) {
      throw memberNotFound();
    }
    await lockMemberAccount(manager, memberId);
    const key = `grant:${idempotencyKey}`;
    const [existing] = await manager.query<RedemptionRow[]>(
      `SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions WHERE member_id = $1 AND idempotency_key = $2`,
      [memberId, key],
    );
    if (existing) {
      if (existing.reward_id !== rewardId) {
        throw idempotencyKeyReused();
      }
      return { ...toIssuedReward(existing), replayed: true };
    }
    const reward = await this.issuer.load(manager, rewardId);
    if (!reward) {
      throw rewardNotFound();
    }
    await this.issuer.takeStock(manager, reward);
    const now = this.clock.now();
    const redemptionId = randomUUID();
    await this.activity.execute(
      {
        memberId,
        kind: reward.type === 'gift' ? 'gift' : 'perk',
        idempotencyKey: `redemption:${redemptionId}`,
        description: `A gift from us: ${reward.name}${reason ? ` (${reason})` : ''}`,
        ...(reason ? { reason } : {}),
        reference: { rewardId: reward.id, redemptionId },
        occurredAt: now,
      },
      manager,
    );
    const row = await this.issuer.insert(manager, {
      memberId,
      redemptionId,
      reward,
      source: 'grant',
      pointsSpent: 0,
      ledgerTransactionId: null,
      idempotencyKey: key,
      reason,
      now,
    });
    return { ...toIssuedReward(row), replayed: false };
  }

  /**
   * How many units of a reward may still be granted (null: unlimited; none when the reward no
   * longer exists), with the reward's row locked until the caller's transaction ends, so that
   * a batch of grants can decide up front who gets one.
   */
  async lockStock(
    manager: EntityManager,
    rewardId: string,
  ): Promise<{ exists: boolean; remaining: number | null }> {
    if (!isUuid(rewardId)) {
      return { exists: false, remaining: 0 };
    }
    const [row] = await manager.query<{ stock_remaining: number | null }[]>(
      'SELECT stock_remaining FROM rewards WHERE id = $1 FOR UPDATE',
      [rewardId],
    );
    return row ? { exists: true, remaining: row.stock_remaining } : { exists: false, remaining: 0 };
  }
}
