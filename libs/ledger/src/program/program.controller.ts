import { Body, Controller, Get, Patch, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isSupportedCountry } from 'libphonenumber-js';
import {
  auditActorOf,
  CurrentPrincipal,
  mergePatch,
  Roles,
  StaffPrincipal,
  validationFailed,
} from '@vafa/platform';
import { PatchProgramDto, ProgramSettingsDto, UpdateProgramDto } from './program-settings.dto';
import { ProgramSettingsRepository } from './program-settings.repository';
import { toProgramSettingsView } from './program-settings-view';

const toView = toProgramSettingsView;

const APPLIES =
  'Changes apply to points credited from now on; points already credited keep their dates.';

@ApiTags('Program configuration')
@Controller('v1/program')
export class ProgramController {
  constructor(private readonly settings: ProgramSettingsRepository) {}

  @Get()
  @Roles('marketer')
  @ApiOperation({
    summary: "Read the program's settings",
    description:
      'Currency, the return window (pointsPendingDays), expiry, the redemption value, goodwill limits, the time zone, the default phone country, and when members are told of expiring points (expiryReminderDays) and of a coming tier downgrade (tierDowngradeWarningDays). The answer can be sent back with PUT as it is.',
  })
  @ApiOkResponse({ type: ProgramSettingsDto })
  async get(): Promise<ProgramSettingsDto> {
    return toView(await this.settings.get());
  }

  @Put()
  @Roles('marketer')
  @ApiOperation({
    summary: "Change the program's settings",
    description: `The fields the body names change and the others stay, so both a partial body and the whole GET answer are accepted. ${APPLIES}`,
  })
  @ApiOkResponse({ type: ProgramSettingsDto, description: 'The settings after the change' })
  async update(
    @Body() body: UpdateProgramDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<ProgramSettingsDto> {
    return this.apply(body, principal);
  }

  @Patch()
  @Roles('marketer')
  @ApiOperation({
    summary: "Change some of the program's settings",
    description: `The fields the body names replace the current ones; the result must be valid as a whole (400 VALIDATION_FAILED otherwise, nothing changed). ${APPLIES}`,
  })
  @ApiOkResponse({ type: ProgramSettingsDto, description: 'The settings after the change' })
  async patch(
    @Body() body: PatchProgramDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<ProgramSettingsDto> {
    const merged = await mergePatch(UpdateProgramDto, toView(await this.settings.get()), body);
    // Only the named fields are written, so a concurrent change to another field is kept.
    const named = Object.keys(body) as (keyof UpdateProgramDto)[];
    return this.apply(Object.fromEntries(named.map((field) => [field, merged[field]])), principal);
  }

  private async apply(
    changes: UpdateProgramDto,
    principal: StaffPrincipal,
  ): Promise<ProgramSettingsDto> {
    if (changes.timeZone) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: changes.timeZone });
      } catch {
        throw validationFailed('timeZone must be an IANA time zone such as Europe/Berlin.');
      }
    }
    if (changes.defaultCountry && !isSupportedCountry(changes.defaultCountry)) {
      throw validationFailed(
        `defaultCountry ${changes.defaultCountry} is not a country we know phones of.`,
      );
    }
    const { expiryReminderDays, ...rest } = changes;
    const normalised = expiryReminderDays
      ? { ...rest, expiryReminderDays: [...expiryReminderDays].sort((a, b) => b - a) }
      : rest;
    return toView(await this.settings.update(normalised, auditActorOf(principal)));
  }
}
