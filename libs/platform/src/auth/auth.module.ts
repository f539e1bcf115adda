import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '../audit/audit.module';
import { AccessGuard } from './access.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { BearerStrategy } from './bearer.strategy';
import { AuthSessionController } from './auth-session.controller';
import { MemberTokensRepository } from './member-tokens.repository';
import { SIGN_IN_THROTTLERS, SignInThrottleGuard } from './sign-in-throttle.guard';
import { StaffSessionsRepository } from './staff-sessions.repository';
import { StaffUsersController } from './staff-users.controller';
import { StaffUsersRepository } from './staff-users.repository';

@Module({
  imports: [
    PassportModule,
    JwtModule.register({}),
    AuditModule,
    ThrottlerModule.forRoot({ throttlers: SIGN_IN_THROTTLERS, setHeaders: false }),
  ],
  controllers: [ApiKeysController, StaffUsersController, AuthSessionController],
  providers: [
    ApiKeysRepository,
    MemberTokensRepository,
    StaffUsersRepository,
    StaffSessionsRepository,
    SignInThrottleGuard,
    BearerStrategy,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [ApiKeysRepository, MemberTokensRepository, AuditModule],
})
export class AuthModule {}
