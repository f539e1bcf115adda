import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Clock,
  EventOutbox,
  type EventPayload,
  inTransaction,
  once,
  requestHash,
} from '@vafa/platform';
import {
  CreditPointsUseCase,
  DebitPointsUseCase,
  lotDates,
  type PointsAdjustedEventData,
  ProgramSettingsRepository,
} from '@vafa/ledger';
import { MembersRepository } from '@vafa/members';
import type { AdjustmentResultDto, CreateAdjustmentDto } from './adjustment.dto';
import { describeAdjustment } from './adjustment-description';
import { checkGoodwillLimits } from './goodwill-limits';

/** A manual credit or debit by staff, once per Idempotency-Key. */
@Injectable()
export class AdjustPointsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MembersRepository,
    private readonly credit: CreditPointsUseCase,
    private readonly debit: DebitPointsUseCase,
    private readonly program: ProgramSettingsRepository,
    private readonly events: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(command: {
    memberId: string;
    input: CreateAdjustmentDto;
    key: string;
    scope: string;
    grantedBy: string;
  }): Promise<AdjustmentResultDto> {
    const { memberId, input, key } = command;
    await this.members.get(memberId);
    const hash = requestHash({ memberId, ...input });
    const request = { memberId, scope: command.scope, key, hash };
    return inTransaction(this.dataSource, async (manager) => {
      const { response } = await once(manager, request, async () => {
        const settings = await this.program.get(manager);
        if (input.reason === 'goodwill' && input.points > 0) {
          await checkGoodwillLimits(manager, settings, {
            memberId,
            grantedBy: command.grantedBy,
            points: input.points,
            at: this.clock.now(),
          });
        }
        const context = {
          memberId,
          idempotencyKey: `adjust:${command.scope}:${key}`,
          description: describeAdjustment(input),
          reason: input.reason,
          reference: {
            ticketId: input.ticketId ?? null,
            note: input.note ?? null,
            grantedBy: command.grantedBy,
          },
        };
        const entry =
          input.points > 0
            ? await this.credit.execute(
                {
                  ...context,
                  kind: 'adjust',
                  points: input.points,
                  source: 'program:adjusted',
                  expiresAt: lotDates({ ...settings, pointsPendingDays: 0 }, this.clock.now())
                    .expiresAt,
                },
                manager,
              )
            : await this.debit.execute(
                { ...context, kind: 'adjust', points: -input.points, sink: 'program:adjusted' },
                manager,
              );
        const data: EventPayload<PointsAdjustedEventData> = {
          memberId,
          transactionId: entry.transactionId,
          points: input.points,
          reason: input.reason,
          ticketId: input.ticketId ?? null,
          balance: entry.balance,
        };
        await this.events.emit(manager, { type: 'points.adjusted', memberId, data });
        return {
          transactionId: entry.transactionId,
          memberId,
          points: input.points,
          reason: input.reason,
          balance: entry.balance,
        };
      });
      return response;
    });
  }
}
