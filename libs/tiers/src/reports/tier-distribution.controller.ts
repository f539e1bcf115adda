import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vafa/platform';
import { TierDistributionDto } from './tier-distribution.dto';
import { TierDistributionReportQuery } from './tier-distribution.query';

@ApiTags('Insights and reports')
@Controller('v1/reports')
export class TierDistributionController {
  constructor(private readonly report: TierDistributionReportQuery) {}

  @Get('tiers')
  @Roles('marketer')
  @ApiOperation({
    summary: 'Members in each tier now',
    description:
      'Every tier, lowest rank first, with the members in it now (0 included), by the rule every ' +
      'view of a member uses: a member without a tier, or holding one that no longer exists, is ' +
      'in the lowest. `noTier` counts members while the program has no tiers at all. No period: ' +
      'tiers are a standing, not a flow.',
  })
  @ApiOkResponse({ type: TierDistributionDto })
  tiers(): Promise<TierDistributionDto> {
    return this.report.report();
  }
}
