import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { isSupportedCountry } from 'libphonenumber-js';
import { Roles, validationFailed } from '@vafa/platform';
import { UpdateProgramDto } from './program-settings.dto';
import { ProgramSettingsEntity } from './program-settings.entity';
import { ProgramSettingsService } from './program-settings.service';

const PROGRAM_EXAMPLE = {
  name: 'Vafa Rewards',
  currency: 'USD',
  minorUnitsPerMajor: 100,
  pointsPendingDays: 14,
  pointsExpiryDays: 365,
  redemptionPoints: 100,
  redemptionValue: 100,
  maxRedeemPercent: 50,
  goodwillDailyBudget: 2000,
  goodwillMonthlyCap: 1000,
  timeZone: 'UTC',
  defaultCountry: 'IR' as string | null,
};

const toView = (s: ProgramSettingsEntity): typeof PROGRAM_EXAMPLE => ({
  name: s.name,
  currency: s.currency,
  minorUnitsPerMajor: s.minorUnitsPerMajor,
  pointsPendingDays: s.pointsPendingDays,
  pointsExpiryDays: s.pointsExpiryDays,
  redemptionPoints: s.redemptionPoints,
  redemptionValue: s.redemptionValue,
  maxRedeemPercent: s.maxRedeemPercent,
  goodwillDailyBudget: s.goodwillDailyBudget,
  goodwillMonthlyCap: s.goodwillMonthlyCap,
  timeZone: s.timeZone,
  defaultCountry: s.defaultCountry,
});

@ApiTags('Program configuration')
@Controller('v1/program')
export class ProgramController {
  constructor(private readonly settings: ProgramSettingsService) {}

  @Get()
  @Roles('marketer')
  @ApiOkResponse({ schema: { example: PROGRAM_EXAMPLE } })
  async get(): Promise<typeof PROGRAM_EXAMPLE> {
    return toView(await this.settings.get());
  }

  @Put()
  @Roles('marketer')
  @ApiOkResponse({
    schema: { example: PROGRAM_EXAMPLE },
    description: 'Changes apply to points credited from now on',
  })
  async update(@Body() body: UpdateProgramDto): Promise<typeof PROGRAM_EXAMPLE> {
    if (body.timeZone) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: body.timeZone });
      } catch {
        throw validationFailed('timeZone must be an IANA time zone such as Europe/Berlin.');
      }
    }
    if (body.defaultCountry && !isSupportedCountry(body.defaultCountry))
      throw validationFailed(
        `defaultCountry ${body.defaultCountry} is not a country we know phones of.`,
      );
    return toView(await this.settings.update(body));
  }
}
