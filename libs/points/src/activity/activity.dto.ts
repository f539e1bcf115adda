import { ApiProperty } from '@nestjs/swagger';

/** An entry of a member's history as staff see it: every field, staff notes and key ids too. */
export class StaffActivityEntryDto {
  @ApiProperty({ example: '2b1f0c1e-9d55-4a53-8d5e-0b9f6f1e2c11' }) id!: string;
  @ApiProperty({
    example: 'adjust',
    description:
      'earn, redeem, reverse, expire, adjust, referral, campaign, tier, profile, gift, perk, ...',
  })
  type!: string;
  @ApiProperty({ example: 500 }) points!: number;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) occurredAt!: string;
  @ApiProperty({
    example: 'A goodwill gesture from us, 500 points (ticket SUP-1): late delivery, customer upset',
  })
  description!: string;
  @ApiProperty({ example: 'goodwill', nullable: true, type: String }) reason!: string | null;
  @ApiProperty({
    example: {
      ticketId: 'SUP-1',
      note: 'late delivery, customer upset',
      grantedBy: '3f0b2c1e-...',
    },
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description:
      'Internal detail: the staff key that acted (grantedBy, changedBy, assignedBy), notes, reasons, the fields a profile change touched',
  })
  reference!: Record<string, unknown> | null;
}

export class StaffActivityPageDto {
  @ApiProperty({ type: [StaffActivityEntryDto] }) items!: StaffActivityEntryDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

/** An entry of the member's own history: what happened and why, in words meant for them. */
export class MemberActivityEntryDto {
  @ApiProperty({ example: '2b1f0c1e-9d55-4a53-8d5e-0b9f6f1e2c11' }) id!: string;
  @ApiProperty({ example: 'earn' }) type!: string;
  @ApiProperty({ example: 40 }) points!: number;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) occurredAt!: string;
  @ApiProperty({
    example: 'Earned 40 points on order o-1: Base: 1 point per dollar, Double on coffee',
  })
  description!: string;
  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'Adjustments: goodwill, correction or migration; a granted gift: why it was given',
  })
  reason!: string | null;
  @ApiProperty({
    example: { orderId: 'o-1' },
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description:
      'What the entry is about, where the member knows it: orderId, checkoutId, returnId, rules, rewardId, redemptionId, tier, change, ticketId, fields',
  })
  reference!: Record<string, unknown> | null;
}

export class MemberActivityPageDto {
  @ApiProperty({ type: [MemberActivityEntryDto] }) items!: MemberActivityEntryDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}
