import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentPrincipal, MemberOnly, MemberPrincipal } from '@vafa/platform';
import { MemberDto } from './member.dto';
import { MyProfileQuery } from './my-profile.query';

const ME_EXAMPLE = {
  id: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11',
  externalId: 'crm-10023',
  email: 'sara@example.com',
  phone: '+989120001234',
  name: 'Sara Ahmadi',
  birthDate: '1990-04-21',
  cardNumber: '7426013370995412',
  referralCode: 'K7M2Q9XD',
  channel: 'store',
  joinedAt: '2026-11-24T10:00:00.000Z',
  tier: {
    code: 'silver',
    name: 'Silver',
    benefits: { pointsMultiplier: 1.25, perks: ['free_delivery'] },
  },
  points: {
    available: 1200,
    pending: 80,
    lifetimeEarned: 4100,
    expiringSoon: [{ points: 300, expiresAt: '2026-12-31T00:00:00.000Z' }],
  },
  tierProgress: {
    nextTier: 'gold',
    metric: 'spend',
    current: 42000,
    required: 100000,
    remaining: 58000,
    windowEndsAt: '2027-11-24T00:00:00.000Z',
  },
};

@ApiTags('Member (own API)')
@Controller('v1/me')
@MemberOnly()
export class MeController {
  constructor(private readonly profiles: MyProfileQuery) {}

  @Get()
  @ApiOperation({
    summary: 'My profile, points and tier',
    description:
      "The member's profile, points (available, pending, lifetimeEarned, expiringSoon), tier with its benefits, and progress to the next tier. Read-only; staff see the same numbers on GET /v1/members/{id}.",
  })
  @ApiOkResponse({ type: MemberDto, example: ME_EXAMPLE, description: 'The member' })
  @ApiErrors({ 404: ['MEMBER_NOT_FOUND'] })
  me(@CurrentPrincipal() principal: MemberPrincipal): Promise<MemberDto> {
    return this.profiles.get(principal.memberId);
  }
}
