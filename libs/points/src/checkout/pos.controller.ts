import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, requireIdempotencyKey, Roles, StaffPrincipal } from '@vafa/platform';
import { ReturnDto, RETURN_EXAMPLE } from '../returns/return.dto';
import { ReturnOrderUseCase, ReturnResult } from '../returns/return-order.usecase';
import { CHECKOUT_EXAMPLE, CheckoutDto } from './checkout.dto';
import { CheckoutResult } from './checkout-result';
import { CheckoutUseCase } from './checkout.usecase';

const KEY_HEADER = { name: 'Idempotency-Key', required: true, example: 'till-7-2026-11-24-0042' };

@ApiTags('Point of sale')
@Controller('v1/pos')
@Roles('cashier')
export class PosController {
  constructor(
    private readonly checkouts: CheckoutUseCase,
    private readonly returns: ReturnOrderUseCase,
  ) {}

  @Post('checkouts')
  @ApiHeader(KEY_HEADER)
  @ApiCreatedResponse({
    schema: { example: CHECKOUT_EXAMPLE },
    description:
      '409 ORDER_EXISTS, 409 IDEMPOTENCY_KEY_REUSED, 422 INSUFFICIENT_POINTS / COUPON_INVALID / REDEMPTION_LIMIT_EXCEEDED (nothing written)',
  })
  checkout(
    @Body() body: CheckoutDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<CheckoutResult> {
    return this.checkouts.execute(body, principal, requireIdempotencyKey(key));
  }

  @Post('checkouts/simulate')
  @HttpCode(200)
  @ApiOkResponse({
    schema: { example: { ...CHECKOUT_EXAMPLE, checkoutId: null } },
    description: 'What the checkout would do; nothing is written',
  })
  simulate(
    @Body() body: CheckoutDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<CheckoutResult> {
    return this.checkouts.simulate(body, principal);
  }

  @Post('returns')
  @ApiHeader(KEY_HEADER)
  @ApiCreatedResponse({
    schema: { example: RETURN_EXAMPLE },
    description:
      "422 RETURN_EXCEEDS_PURCHASE, 404 ORDER_NOT_FOUND, 403 STORE_MISMATCH (another store's order)",
  })
  return(
    @Body() body: ReturnDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<ReturnResult> {
    return this.returns.execute(body, principal, requireIdempotencyKey(key));
  }
}
