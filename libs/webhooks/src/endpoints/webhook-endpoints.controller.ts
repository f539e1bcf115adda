import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AdminOnly,
  ApiErrors,
  auditActorOf,
  CurrentPrincipal,
  PageQuery,
  StaffPrincipal,
} from '@vafa/platform';
import { DeliveryListQuery, WebhookDeliveryPageDto } from '../deliveries/webhook-delivery.dto';
import { WebhookDeliveriesQuery } from '../deliveries/webhook-deliveries.query';
import {
  CreatedWebhookEndpointDto,
  CreateWebhookEndpointDto,
  PatchWebhookEndpointDto,
  QueuedDeliveryDto,
  RotatedSecretDto,
  WebhookEndpointDto,
  WebhookEndpointPageDto,
} from './webhook-endpoint.dto';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

const NOT_FOUND = { 404: ['WEBHOOK_ENDPOINT_NOT_FOUND'] } as const;

@ApiTags('Webhooks')
@Controller('v1/webhook-endpoints')
@AdminOnly()
export class WebhookEndpointsController {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesQuery,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Add a webhook endpoint',
    description:
      'Events of the listed types (all when `eventTypes` is absent or empty) are POSTed to ' +
      '`url`, signed the Standard Webhooks way (headers webhook-id, webhook-timestamp, ' +
      'webhook-signature). The answer carries the signing secret `whsec_...`, shown only now.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookEndpointDto })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'WEBHOOK_URL_NOT_ALLOWED'] })
  create(
    @Body() body: CreateWebhookEndpointDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<CreatedWebhookEndpointDto> {
    return this.endpoints.create(body, auditActorOf(principal));
  }

  @Get()
  @ApiOperation({
    summary: 'List webhook endpoints',
    description: 'Newest first, paginated; secrets are never shown again.',
  })
  @ApiOkResponse({ type: WebhookEndpointPageDto })
  list(@Query() query: PageQuery): Promise<WebhookEndpointPageDto> {
    return this.endpoints.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a webhook endpoint', description: 'Without its secret.' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiErrors(NOT_FOUND)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<WebhookEndpointDto> {
    return this.endpoints.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a webhook endpoint',
    description:
      'The fields named replace the current ones. `enabled: false` pauses deliveries (they ' +
      'wait, pending); `enabled: true` resumes them, also after the endpoint was disabled for ' +
      'answering 410 or failing for 5 days.',
  })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiErrors({ ...NOT_FOUND, 400: ['VALIDATION_FAILED', 'WEBHOOK_URL_NOT_ALLOWED'] })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PatchWebhookEndpointDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<WebhookEndpointDto> {
    return this.endpoints.update(id, body, auditActorOf(principal));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a webhook endpoint',
    description: 'With its deliveries; nothing more is sent to it.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(NOT_FOUND)
  async remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<void> {
    await this.endpoints.remove(id, auditActorOf(principal));
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description:
      'A new secret, shown only now. For 24 hours deliveries carry two signatures (the new ' +
      "secret's and the old one's, space-separated in webhook-signature), so the receiver can " +
      'switch without losing a delivery.',
  })
  @ApiOkResponse({ type: RotatedSecretDto })
  @ApiErrors(NOT_FOUND)
  rotateSecret(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<RotatedSecretDto> {
    return this.endpoints.rotateSecret(id, auditActorOf(principal));
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a test event',
    description:
      'Emits `webhook.test` for this endpoint only (whatever types it subscribes to) and ' +
      'queues its delivery at once; follow it in GET .../deliveries.',
  })
  @ApiAcceptedResponse({ type: QueuedDeliveryDto })
  @ApiErrors({ ...NOT_FOUND, 409: ['WEBHOOK_ENDPOINT_DISABLED'] })
  test(@Param('id', new ParseUUIDPipe()) id: string): Promise<QueuedDeliveryDto> {
    return this.endpoints.sendTest(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: "List an endpoint's deliveries",
    description:
      'Newest first, each with its attempts (time, status code, duration, error, the first ' +
      'KB of the response); `status` filters (pending, succeeded, failed).',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiErrors(NOT_FOUND)
  deliveriesOf(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DeliveryListQuery,
  ): Promise<WebhookDeliveryPageDto> {
    return this.deliveries.list(id, query);
  }
}
