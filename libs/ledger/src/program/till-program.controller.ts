import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@vafa/platform';
import { ProgramSettingsRepository } from './program-settings.repository';
import { TillProgramDto } from './till-program.dto';

/**
 * The till prices baskets in the program's currency and takes points as money, but a cashier may
 * not read the program's configuration (GET /v1/program is the program team's): this is the part
 * a till needs.
 */
@ApiTags('Point of sale')
@Controller('v1/pos/program')
export class TillProgramController {
  constructor(private readonly settings: ProgramSettingsRepository) {}

  @Get()
  @Roles('cashier')
  @ApiOperation({
    summary: "The program's currency and redemption value, for the till",
    description:
      'Amounts at checkout are minor units of `currency`; `redemptionPoints` points pay ' +
      '`redemptionValue` minor units, up to `maxRedeemPercent` of an order; a phone written ' +
      'without a country code is read in `defaultCountry` when a member is enrolled.',
  })
  @ApiOkResponse({
    type: TillProgramDto,
    example: {
      currency: 'USD',
      minorUnitsPerMajor: 100,
      redemptionPoints: 100,
      redemptionValue: 100,
      maxRedeemPercent: 50,
      pointsPendingDays: 14,
      defaultCountry: 'IR',
    },
  })
  async get(): Promise<TillProgramDto> {
    const s = await this.settings.get();
    return {
      currency: s.currency,
      minorUnitsPerMajor: s.minorUnitsPerMajor,
      redemptionPoints: s.redemptionPoints,
      redemptionValue: s.redemptionValue,
      maxRedeemPercent: s.maxRedeemPercent,
      pointsPendingDays: s.pointsPendingDays,
      defaultCountry: s.defaultCountry,
    };
  }
}
