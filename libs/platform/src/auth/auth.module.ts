import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module';
import { AccessGuard } from './access.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { BearerStrategy } from './bearer.strategy';
import { MemberTokensService } from './member-tokens.service';

@Module({
  imports: [PassportModule, JwtModule.register({}), AuditModule],
  controllers: [ApiKeysController],
  providers: [
    ApiKeysService,
    MemberTokensService,
    BearerStrategy,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [ApiKeysService, MemberTokensService, AuditModule],
})
export class AuthModule {}
