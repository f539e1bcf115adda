import { DynamicModule, Global, Module } from '@nestjs/common';
import { VafaConfig } from './vafa-config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: VafaConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: VafaConfig, useValue: config }],
      exports: [VafaConfig],
    };
  }
}
