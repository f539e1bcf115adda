import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What a member-notification job triggered by hand did; `ran: false` when another ran it. */
export class NotificationJobRunDto {
  @ApiProperty({
    example: true,
    description: 'false when another instance holds the job lock; nothing was done',
  })
  ran!: boolean;
  @ApiPropertyOptional({ example: 120, description: 'Members notified (when ran)' })
  members?: number;
  @ApiPropertyOptional({
    example: 134,
    description: 'Events emitted (when ran); those sent before are not sent again',
  })
  sent?: number;
}

export const notificationJobRun = (
  result: { members: number; sent: number } | null,
): NotificationJobRunDto => (result ? { ran: true, ...result } : { ran: false });
