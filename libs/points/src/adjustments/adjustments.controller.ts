import { Body, Controller, Headers, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  CurrentPrincipal,
  requireIdempotencyKey,
  Roles,
  StaffPrincipal,
} from '@vafa/platform';
import { AdjustmentResultDto, CreateAdjustmentDto } from './adjustment.dto';
import { AdjustPointsUseCase } from './adjust-points.usecase';

@ApiTags('Members')
@Controller('v1/members/:id/adjustments')
export class AdjustmentsController {
  constructor(private readonly adjust: AdjustPointsUseCase) {}

  @Post()
  @Roles('marketer')
  @ApiHeader({ name: 'Idempotency-Key', required: true, example: 'c0a8f3e2-adj-1' })
  @ApiOperation({
    summary: "Credit or debit a member's points by hand",
    description:
      "For support and corrections: positive points credit (available at once), negative debit. One transaction, once per Idempotency-Key (per staff key). Goodwill credits count against the daily budget of the staff key and the monthly cap of the member (program settings); the grant, its note, ticket and key are recorded in the member's activity.",
  })
  @ApiCreatedResponse({ type: AdjustmentResultDto, description: 'The entry, and the new balance' })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REQUIRED'],
    404: ['MEMBER_NOT_FOUND'],
    409: ['IDEMPOTENCY_KEY_REUSED'],
    422: ['INSUFFICIENT_POINTS', 'GOODWILL_BUDGET_EXCEEDED', 'GOODWILL_MEMBER_CAP_EXCEEDED'],
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
