import { Body, Controller, Headers, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, requireIdempotencyKey, Roles, StaffPrincipal } from '@vafa/platform';
import { AdjustmentResultDto, CreateAdjustmentDto } from './adjustment.dto';
import { AdjustPointsUseCase } from './adjust-points.usecase';

@ApiTags('Members')
@Controller('v1/members/:id/adjustments')
export class AdjustmentsController {
  constructor(private readonly adjust: AdjustPointsUseCase) {}

  @Post()
  @Roles('marketer')
  @ApiHeader({ name: 'Idempotency-Key', required: true, example: 'c0a8f3e2-adj-1' })
  @ApiCreatedResponse({
    type: AdjustmentResultDto,
    description: '422 INSUFFICIENT_POINTS when a debit exceeds the balance',
  })
  create(
    @Param('id', new ParseUUIDPipe()) memberId: string,
    @Body() body: CreateAdjustmentDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdjustmentResultDto> {
    return this.adjust.execute({
      memberId,
      input: body,
      key: requireIdempotencyKey(key),
      scope: `adjustments:${principal.keyId}`,
      grantedBy: principal.keyId,
    });
  }
}
