import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrors } from '@vafa/platform';
import { QueuedDeliveryDto } from '../endpoints/webhook-endpoint.dto';
import { WebhookDeliveriesQuery } from './webhook-deliveries.query';

@ApiTags('Webhooks')
@Controller('v1/webhook-deliveries')
@AdminOnly()
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesQuery) {}

  @Post(':id/redeliver')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Deliver an event again',
    description:
      'A new delivery of the same event to the same endpoint, due at once, with the same ' +
      'webhook-id so the receiver can tell it already has it.',
  })
  @ApiAcceptedResponse({ type: QueuedDeliveryDto })
  @ApiErrors({ 404: ['WEBHOOK_DELIVERY_NOT_FOUND'], 409: ['WEBHOOK_ENDPOINT_DISABLED'] })
  redeliver(@Param('id', new ParseUUIDPipe()) id: string): Promise<QueuedDeliveryDto> {
    return this.deliveries.redeliver(id);
  }
}
