import { ApiProperty } from '@nestjs/swagger';
import { EventData, MemberEventData } from '@vafa/platform';
import { PROFILE_FIELDS, type ProfileField } from '../member-profile-change';

export const ENROLMENT_SOURCES = ['api', 'import'] as const;

/**
 * Contact details (name, email, phone, birth date) are not in events: events are kept and
 * redelivered, so they carry ids, and a receiver reads the profile with GET /v1/members/{id}.
 */
@EventData('member.enrolled')
export class MemberEnrolledEventData extends MemberEventData {
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The merchant's own id of the customer",
    example: 'crm-10442',
  })
  externalId!: string | null;

  @ApiProperty({ example: '6004871200000123' })
  cardNumber!: string;

  @ApiProperty({ description: 'The code the member shares with friends', example: 'K7M2QX' })
  referralCode!: string;

  @ApiProperty({ type: String, nullable: true, enum: ['store', 'online', 'app'], example: 'app' })
  channel!: string | null;

  @ApiProperty({
    description: 'When the member joined (for an imported member, their first purchase)',
    example: '2026-05-04T10:15:30.000Z',
  })
  joinedAt!: string;

  @ApiProperty({
    enum: ENROLMENT_SOURCES,
    description: 'POST /v1/members, or the purchase-history import (`vafa import transactions`)',
    example: 'api',
  })
  source!: (typeof ENROLMENT_SOURCES)[number];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The member who referred them (a referral sign-up), else null',
    example: null,
  })
  referrerId!: string | null;
}

@EventData('member.updated')
export class MemberUpdatedEventData extends MemberEventData {
  @ApiProperty({
    enum: PROFILE_FIELDS,
    isArray: true,
    description: 'Which profile fields changed (not their values: read the member for those)',
    example: ['email', 'phone'],
  })
  fields!: ProfileField[];
}
