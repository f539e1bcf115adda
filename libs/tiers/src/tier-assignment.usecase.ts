import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, AuditActor, AuditLog, Clock, EventOutbox, inTransaction } from '@vafa/platform';
import { RecordActivityUseCase } from '@vafa/ledger';
import { MembersRepository } from '@vafa/members';
import type { AssignTierDto, TierAssignmentDto } from './tier-assignment.dto';
import { TierLookupQuery } from './tier-lookup.query';
import { assignedTierNotFound } from './tiers.errors';
import type { TierChangeData } from './events/tier-events.dto';

/**
 * Puts a member in a tier by hand (a status match, a complaint put right, a move before a tier
 * is deleted), held against the nightly downgrade for `holdDays`, and records it in their
 * activity: the reason and the staff key for staff, a plain line for the member.
 */
@Injectable()
export class TierAssignmentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MembersRepository,
    private readonly lookup: TierLookupQuery,
    private readonly activity: RecordActivityUseCase,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly events: EventOutbox,
  ) {}

  async assign(
    memberId: string,
    input: AssignTierDto,
    assignedBy: string,
    actor: AuditActor,
  ): Promise<TierAssignmentDto> {
    await this.members.get(memberId);
    return inTransaction(this.dataSource, async (manager) => {
      const tier = await this.lookup.byCode(input.tierCode, manager);
      if (!tier) {
        throw assignedTierNotFound(input.tierCode);
      }
      // The standing is locked (when there is one) as the nightly job and checkouts lock it.
      await manager.query('SELECT 1 FROM member_tiers WHERE member_id = $1 FOR UPDATE', [memberId]);
      const previous = await this.lookup.current(memberId, manager);
      const [held] = await manager.query<{ held_until: Date | null }[]>(
        'SELECT held_until FROM member_tiers WHERE member_id = $1',
        [memberId],
      );
      const now = this.clock.now();
      const holdDays = input.holdDays ?? 0;
      const heldUntil = holdDays > 0 ? addDays(now, holdDays) : null;
      await manager.query(
        `INSERT INTO member_tiers (member_id, tier_code, achieved_at, below_since, held_until)
         VALUES ($1, $2, $3, NULL, $4)
         ON CONFLICT (member_id) DO UPDATE SET
           achieved_at = CASE WHEN member_tiers.tier_code = EXCLUDED.tier_code
                              THEN member_tiers.achieved_at ELSE EXCLUDED.achieved_at END,
           tier_code = EXCLUDED.tier_code, below_since = NULL,
           held_until = EXCLUDED.held_until, updated_at = EXCLUDED.updated_at`,
        [memberId, tier.code, now, heldUntil],
      );
      const rise = previous ? tier.rank - previous.rank : 1;
      await this.activity.execute(
        {
          memberId,
          kind: 'tier',
          idempotencyKey: `tier:manual:${randomUUID()}`,
          description:
            rise > 0
              ? `Welcome to ${tier.name}! Your new tier starts now.`
              : rise < 0
                ? `Your tier is now ${tier.name}.`
                : `Your ${tier.name} tier is confirmed.`,
          reference: {
            tier: tier.code,
            change: 'manual',
            previousTier: previous?.code ?? null,
            heldUntil: heldUntil?.toISOString() ?? null,
            reason: input.reason,
            assignedBy,
          },
          occurredAt: now,
        },
        manager,
      );
      if (previous && rise !== 0) {
        const data: TierChangeData = {
          memberId,
          from: { code: previous.code, name: previous.name },
          to: { code: tier.code, name: tier.name },
          reason: 'manual',
          orderId: null,
          checkoutId: null,
          heldUntil: heldUntil?.toISOString() ?? null,
        };
        const type = rise > 0 ? 'tier.upgraded' : 'tier.downgraded';
        await this.events.emit(manager, { type, memberId, data });
      }
      const assignment: TierAssignmentDto = {
        memberId,
        tier: { code: tier.code, name: tier.name },
        previousTier: previous?.code ?? null,
        heldUntil: heldUntil?.toISOString() ?? null,
        reason: input.reason,
      };
      await this.audit.record(manager, {
        actor,
        action: 'assign',
        resourceType: 'member_tier',
        resourceId: memberId,
        before: {
          memberId,
          tier: previous ? { code: previous.code, name: previous.name } : null,
          heldUntil: held?.held_until?.toISOString() ?? null,
        },
        after: assignment,
      });
      return assignment;
    });
  }
}
