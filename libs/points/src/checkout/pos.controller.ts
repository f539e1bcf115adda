import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrors,
  CurrentPrincipal,
  requireIdempotencyKey,
  Roles,
  StaffPrincipal,
} from '@vafa/platform';
import { ReturnDto, RETURN_EXAMPLE } from '../returns/return.dto';
import { ReturnOrderUseCase, ReturnResult } from '../returns/return-order.usecase';
import { CHECKOUT_EXAMPLE, CheckoutDto } from './checkout.dto';
import { CheckoutResult } from './checkout-result';
import { CheckoutResultDto, ReturnResultDto } from './checkout-result.dto';
import { CheckoutUseCase } from './checkout.usecase';

const KEY_HEADER = {
  name: 'Idempotency-Key',
  required: true,
  example: 'till-7-2026-11-24-0042',
  description:
    "Unique per member (the checkout's member; for a return, the order's): the same key and " +
    'body answer the first response again, another body is 409 IDEMPOTENCY_KEY_REUSED, and ' +
    'the same key for another member is another request.',
};

const ORDER_ERRORS = {
  403: ['FORBIDDEN', 'STORE_MISMATCH', 'CHANNEL_NOT_ALLOWED'],
  404: ['MEMBER_NOT_FOUND'],
  422: [
    'INSUFFICIENT_POINTS',
    'COUPON_INVALID',
    'REDEMPTION_LIMIT_EXCEEDED',
    'REDEEM_POINTS_NOT_WHOLE',
  ],
} as const;

const KEYED_400 = ['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REQUIRED'];

const WHO =
  "Cashiers (for their store), and integration keys (a web shop's server) for channels online " +
  'and app only (403 CHANNEL_NOT_ALLOWED), bound to a store when the key has a storeId ' +
  '(403 STORE_MISMATCH).';

@ApiTags('Point of sale')
@Controller('v1/pos')
@Roles('cashier', 'integration')
export class PosController {
  constructor(
    private readonly checkouts: CheckoutUseCase,
    private readonly returns: ReturnOrderUseCase,
  ) {}

  @Post('checkouts')
  @ApiHeader(KEY_HEADER)
  @ApiOperation({
    summary: 'Record an order: points earned and spent, coupons used',
    description:
      'One transaction, once per Idempotency-Key. An occurredAt in the past (an order synced ' +
      'late) starts the return window at the purchase. The answer says in `messages` (and ' +
      '`tierChanged`) what the order caused: pending points, a tier upgrade, a referral welcome ' +
      `bonus. ${WHO}`,
  })
  @ApiErrors({
    ...ORDER_ERRORS,
    400: KEYED_400,
    409: ['ORDER_EXISTS', 'IDEMPOTENCY_KEY_REUSED'],
  })
  @ApiCreatedResponse({
    type: CheckoutResultDto,
    example: CHECKOUT_EXAMPLE,
    description:
      'The order as recorded; a repeat with the same Idempotency-Key answers the same. A refused ' +
      "order writes nothing (422 COUPON_INVALID: details.reason expired, used or not_applicable for the member's own code)",
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
  @Roles('cashier', 'integration', 'marketer')
  @ApiOperation({
    summary: 'What a checkout would do, writing nothing',
    description:
      `The same body and checks as a checkout. ${WHO} Marketers may simulate too, to try ` +
      "their earning rules on a basket (the console's Try a basket).",
  })
  @ApiErrors(ORDER_ERRORS)
  @ApiOkResponse({
    type: CheckoutResultDto,
    example: { ...CHECKOUT_EXAMPLE, checkoutId: null },
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
  @ApiOperation({
    summary: 'Return units of an order',
    description:
      'Takes back the points the returned units earned and gives back points the order spent, ' +
      `once per Idempotency-Key. ${WHO} An integration key returns only online and app orders.`,
  })
  @ApiErrors({
    400: KEYED_400,
    403: ['FORBIDDEN', 'STORE_MISMATCH', 'CHANNEL_NOT_ALLOWED'],
    404: ['ORDER_NOT_FOUND'],
    409: ['IDEMPOTENCY_KEY_REUSED'],
    422: ['RETURN_EXCEEDS_PURCHASE'],
  })
  @ApiCreatedResponse({
    type: ReturnResultDto,
    example: RETURN_EXAMPLE,
    description:
      "The return as recorded; a repeat with the same Idempotency-Key answers the same (403 STORE_MISMATCH: another store's order)",
  })
  return(
    @Body() body: ReturnDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<ReturnResult> {
    return this.returns.execute(body, principal, requireIdempotencyKey(key));
  }
}
