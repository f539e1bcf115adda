import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../auth/access.decorators';
import { errorResponse } from '../http/api-errors';
import { HealthDto, HealthIndicatorDto } from './health.dto';

@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  // Documented below in the API's own error format rather than terminus' generic schema.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Check that the server and its database are up',
    description:
      'For load balancers and orchestrators; needs no credentials and is never cached. 200 when the database answers a ping within 3 seconds, 503 otherwise (the failed check in `error.details`).',
  })
  @ApiExtraModels(HealthIndicatorDto)
  @ApiOkResponse({ type: HealthDto, description: 'The server and its database are up' })
  @ApiResponse(
    errorResponse(
      503,
      ['SERVICE_UNAVAILABLE', 'DATABASE_UNAVAILABLE'],
      'The database is down or does not answer',
    ),
  )
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 3000 })]);
  }
}
