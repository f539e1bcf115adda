import { ApiProperty } from '@nestjs/swagger';
import { EventData, MemberEventData } from '@vafa/platform';
import { TIER_METRICS, type TierMetric } from './tier.entity';

@EventData('tier.downgrade_warning')
export class TierDowngradeWarningEventData extends MemberEventData {
  @ApiProperty({ format: 'uuid', example: '2b7e4c1a-9f3d-4e8b-a6c5-1d0f9e8b7a65' })
  tierId!: string;

  @ApiProperty({ example: 'gold', description: 'The tier the member would leave' })
  tierCode!: string;

  @ApiProperty({
    example: 'silver',
    description:
      'The code of the tier they would move to: the highest lower one they still qualify for then',
  })
  downgradesTo!: string;

  @ApiProperty({
    example: '2027-03-04T02:00:00.000Z',
    format: 'date-time',
    description:
      'When the downgrade would take effect if they bought nothing more: the grace period (downgradeGraceDays) after they stop qualifying; the nightly evaluation applies it from then',
  })
  effectiveAt!: string;

  @ApiProperty({
    enum: TIER_METRICS,
    example: 'spend',
    description: "The tier's qualification metric",
  })
  metric!: TierMetric;

  @ApiProperty({
    example: 12000,
    description:
      'What the member must still earn (points) or spend (minor units), by the metric, before effectiveAt to keep the tier, counting only orders still in its window then',
  })
  pointsOrSpendNeeded!: number;
}
