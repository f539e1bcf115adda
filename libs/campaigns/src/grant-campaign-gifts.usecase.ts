import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventOutbox, type EventPayload, type OutboxEvent } from '@vafa/platform';
import { BulkCreditUseCase, lotDates, ProgramSettingsRepository } from '@vafa/ledger';
import { fulfilmentOf, GrantRewardUseCase } from '@vafa/rewards';
import type { Run } from './campaign-run';
import type { CampaignEntity } from './campaign.entity';
import type { CampaignGiftGrantedEventData, GiftGrantedDto } from './events/campaign-events.dto';

/** The reward fields of a points gift. */
const NO_REWARD = {
  rewardId: null,
  redemptionId: null,
  name: null,
  rewardType: null,
  code: null,
  expiresAt: null,
} as const;

/**
 * Gives a batch's treated members the campaign's gift in the batch's transaction: points in one
 * bulk credit, or a free reward or perk each; one campaign.gift_granted event per member.
 */
@Injectable()
export class GrantCampaignGiftsUseCase {
  constructor(
    private readonly program: ProgramSettingsRepository,
    private readonly bulkCredit: BulkCreditUseCase,
    private readonly rewards: GrantRewardUseCase,
    private readonly events: EventOutbox,
  ) {}

  async execute(
    manager: EntityManager,
    campaign: CampaignEntity,
    run: Run,
    members: string[],
  ): Promise<void> {
    if (members.length === 0) {
      return;
    }
    const gift = campaign.gift;
    const granted = (
      memberId: string,
      given: GiftGrantedDto,
      fulfilment: CampaignGiftGrantedEventData['fulfilment'],
    ): OutboxEvent => {
      const data: EventPayload<CampaignGiftGrantedEventData> = {
        memberId,
        campaignId: campaign.id,
        campaignName: campaign.name,
        runId: run.id,
        gift: given,
        fulfilment,
      };
      return { type: 'campaign.gift_granted', memberId, data };
    };
    const events: OutboxEvent[] = [];
    if (gift.type === 'points') {
      const settings = await this.program.get(manager);
      const credited = await this.bulkCredit.execute(
        {
          grants: members.map((memberId) => ({
            memberId,
            points: gift.points,
            idempotencyKey: `campaign:${run.id}:${memberId}`,
          })),
          kind: 'campaign',
          description: `A surprise from us: ${gift.points} bonus points, just because`,
          source: 'program:issued',
          reference: { campaignId: campaign.id, runId: run.id },
          occurredAt: run.startedAt,
          expiresAt: lotDates({ ...settings, pointsPendingDays: 0 }, run.startedAt).expiresAt,
        },
        manager,
      );
      for (const { memberId, transactionId } of credited) {
        const given = { ...NO_REWARD, type: gift.type, points: gift.points, transactionId };
        events.push(granted(memberId, given, null));
      }
    } else {
      const rewardId = gift.type === 'reward' ? gift.rewardId : gift.perk;
      for (const memberId of members) {
        const issued = await this.rewards.grantFree(
          manager,
          memberId,
          rewardId,
          `campaign:${run.id}:${memberId}`,
          campaign.name,
        );
        if (issued.replayed) {
          continue;
        }
        const given: GiftGrantedDto = {
          type: gift.type,
          points: null,
          transactionId: null,
          rewardId: issued.rewardId,
          redemptionId: issued.redemptionId,
          name: issued.name,
          rewardType: issued.type,
          code: issued.code ?? null,
          expiresAt: issued.expiresAt ?? null,
        };
        events.push(granted(memberId, given, fulfilmentOf(issued)));
      }
    }
    await this.events.emitMany(manager, events);
  }
}
