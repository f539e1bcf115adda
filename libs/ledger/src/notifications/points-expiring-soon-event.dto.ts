import { ApiProperty } from '@nestjs/swagger';
import { EventData, MemberEventData } from '@vafa/platform';

@EventData('points.expiring_soon')
export class PointsExpiringSoonEventData extends MemberEventData {
  @ApiProperty({
    example: 120,
    description: "The member's available points expiring that day (program time zone)",
  })
  points!: number;

  @ApiProperty({
    example: '2027-01-31T09:00:00.000Z',
    format: 'date-time',
    description: 'When the first of them expires',
  })
  expiresAt!: string;

  @ApiProperty({
    example: '2027-01-31',
    format: 'date',
    description: "The day they expire, in the program's time zone",
  })
  expiresOn!: string;

  @ApiProperty({
    example: 7,
    description:
      'The reminder this is (one of the program’s expiryReminderDays): the tightest the day falls within; each day is reminded of once per threshold',
  })
  thresholdDays!: number;

  @ApiProperty({ example: 450, description: "The member's available points now" })
  balance!: number;
}
