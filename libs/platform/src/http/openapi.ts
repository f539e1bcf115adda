import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Serves the OpenAPI UI at /docs and the document at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Vafa loyalty platform')
    .setDescription(
      'Points, tiers, rewards, referrals and surprise-and-delight campaigns. Every /v1 endpoint takes ' +
        '`Authorization: Bearer <staff API key | member token>`; errors are `{"error": {code, message, details}}`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
