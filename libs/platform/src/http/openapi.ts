import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE_AUTH } from '../auth/access.decorators';
import { addEventSchemas, eventDataModels } from '../events/event-schemas';
import { errorResponse } from './api-errors';

const DESCRIPTION =
  'Points, tiers, rewards, referrals and surprise-and-delight campaigns. Every /v1 endpoint takes ' +
  '`Authorization: Bearer <staff API key | member token>` (staff endpoints also take the ' +
  "console's session cookie, with X-CSRF-Token on writes); errors are " +
  '`{"error": {code, message, details}}`. Writes a client may retry take an `Idempotency-Key` ' +
  'header, unique per member (the member the write is for): the same key and body answer the ' +
  'first response again, another body is 409 IDEMPOTENCY_KEY_REUSED, and the same key for ' +
  'another member is another request. Lists take `limit` (1–200) and an opaque `cursor`, and answer `{items, nextCursor}`.';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Operations that declare no security requirement of their own are public (health, metrics):
 * they say so with an empty requirement, overriding the document's bearer default.
 */
function markPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation && !operation.security) {
        operation.security = [];
      }
    }
  }
  return document;
}

/** The OpenAPI document of the running app, as served at /docs-json and committed as openapi.json. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Vafa loyalty platform')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'The Vafa server that serves this document')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'A staff API key (vafa_sk_...) or a member token',
    })
    .addCookieAuth(
      'vafa_session',
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'The console session set by POST /v1/auth/session; writes also need X-CSRF-Token',
      },
      SESSION_COOKIE_AUTH,
    )
    .addSecurityRequirements('bearer')
    .addGlobalResponse(
      errorResponse(400, ['VALIDATION_FAILED']),
      errorResponse(503, ['DATABASE_UNAVAILABLE']),
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: eventDataModels() });
  return addEventSchemas(markPublicOperations(document));
}

/** Serves the OpenAPI UI at /docs and the document at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
  });
}
