import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  CurrentPrincipal,
  MemberOnly,
  MemberPrincipal,
  Page,
  PageQuery,
  Roles,
} from '@vafa/platform';
import { REFERRAL_PROGRAM_EXAMPLE, ReferralProgramDto } from './referral-program.dto';
import { ReferralProgramService, ReferralProgramView } from './referral-program.service';
import { REFERRAL_STATUSES } from './referral.entity';
import { ReferralsService, ReferralView } from './referrals.service';

class ReferralQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES, example: 'held' })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: string;
}

const REFERRAL_EXAMPLE = {
  refereeId: '6f1c...',
  referrerId: '2a9e...',
  joinedAt: '2026-11-24T10:00:00.000Z',
  status: 'held',
  holdReason: 'more than 5 referrals in 24 h',
  approved: false,
  qualified: true,
};

@ApiTags('Referrals')
@Controller('v1/referral-program')
export class ReferralProgramController {
  constructor(private readonly program: ReferralProgramService) {}

  @Get()
  @Roles('marketer')
  @ApiOkResponse({ schema: { example: REFERRAL_PROGRAM_EXAMPLE } })
  get(): Promise<ReferralProgramView> {
    return this.program.get();
  }

  @Put()
  @Roles('marketer')
  @ApiOkResponse({ schema: { example: REFERRAL_PROGRAM_EXAMPLE } })
  update(@Body() body: ReferralProgramDto): Promise<ReferralProgramView> {
    return this.program.update(body);
  }
}

@ApiTags('Referrals')
@Controller('v1/referrals')
@Roles()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @ApiOkResponse({
    schema: { example: { items: [REFERRAL_EXAMPLE], nextCursor: null } },
    description: 'e.g. ?status=held for review',
  })
  list(@Query() query: ReferralQuery): Promise<Page<ReferralView>> {
    return this.referrals.list(query);
  }

  @Post(':refereeId/approve')
  @HttpCode(200)
  @ApiOkResponse({
    schema: { example: { ...REFERRAL_EXAMPLE, status: 'rewarded', approved: true } },
  })
  approve(@Param('refereeId', new ParseUUIDPipe()) refereeId: string): Promise<ReferralView> {
    return this.referrals.approve(refereeId);
  }

  @Post(':refereeId/reject')
  @HttpCode(200)
  @ApiOkResponse({ schema: { example: { ...REFERRAL_EXAMPLE, status: 'rejected' } } })
  reject(@Param('refereeId', new ParseUUIDPipe()) refereeId: string): Promise<ReferralView> {
    return this.referrals.reject(refereeId);
  }
}

@ApiTags('Member (own API)')
@Controller('v1/me/referral')
@MemberOnly()
export class MyReferralController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get()
  @ApiOkResponse({
    schema: {
      example: {
        code: 'K7M2Q9XD',
        link: 'https://shop.example/join?ref=K7M2Q9XD',
        active: true,
        referred: [
          { memberId: '6f1c...', joinedAt: '2026-11-24T10:00:00.000Z', status: 'rewarded' },
        ],
        pointsEarned: 500,
      },
    },
  })
  mine(@CurrentPrincipal() principal: MemberPrincipal): Promise<Record<string, unknown>> {
    return this.referrals.mine(principal.memberId);
  }
}
