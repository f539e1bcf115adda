import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MeController } from './me.controller';
import { MemberViewRegistry } from './member-view.registry';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  imports: [LedgerModule],
  controllers: [MembersController, MeController],
  providers: [MembersService, MemberViewRegistry],
  exports: [MembersService, MemberViewRegistry],
})
export class MembersModule {}
