import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { Clock, InputSafetyModule, PlatformModule, VafaConfig } from '@vafa/platform';
import { MembersModule } from '@vafa/members';
import { LedgerModule } from '@vafa/ledger';
import { PointsModule } from '@vafa/points';
import { TiersModule } from '@vafa/tiers';
import { ReferralModule } from '@vafa/referral';
import { RewardsModule } from '@vafa/rewards';
import { CampaignsModule } from '@vafa/campaigns';
import { InsightsModule } from '@vafa/insights';
import { WebhooksModule } from '@vafa/webhooks';
import { DATABASE_SCHEMA } from './database-schema';

export interface AppOptions {
  config: VafaConfig;
  databaseUrl: string;
  clock?: Clock;
  /** The API server runs jobs only when VAFA_SCHEDULER is on; the worker always does. */
  scheduler: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config: options.config,
          databaseUrl: options.databaseUrl,
          schema: DATABASE_SCHEMA,
          clock: options.clock,
        }),
        InputSafetyModule,
        ...(options.scheduler ? [ScheduleModule.forRoot()] : []),
        MembersModule,
        LedgerModule,
        PointsModule,
        TiersModule,
        ReferralModule,
        RewardsModule,
        CampaignsModule,
        InsightsModule,
        WebhooksModule,
      ],
    };
  }
}
