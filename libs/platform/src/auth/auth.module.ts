import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '../audit/audit.module';
import { AccessGuard } from './access.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { BearerStrategy } from './bearer.strategy';
import { AuthSessionController } from './auth-session.controller';
import { MemberTokensService } from './member-tokens.service';
import { SIGN_IN_THROTTLERS, SignInThrottleGuard } from './sign-in-throttle';
import { StaffSessionsService } from './staff-sessions.service';
import { StaffUsersController } from './staff-users.controller';
import { StaffUsersService } from './staff-users.service';

@Module({
  imports: [
    PassportModule,
    JwtModule.register({}),
    AuditModule,
    ThrottlerModule.forRoot({ throttlers: SIGN_IN_THROTTLERS, setHeaders: false }),
  ],
  controllers: [ApiKeysController, StaffUsersController, AuthSessionController],
  providers: [
    ApiKeysService,
    MemberTokensService,
    StaffUsersService,
    StaffSessionsService,
    SignInThrottleGuard,
    BearerStrategy,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [ApiKeysService, MemberTokensService, AuditModule],
})
export class AuthModule {}
