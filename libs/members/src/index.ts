export * from './birthdays/birthday.job';
export * from './member.dto';
export * from './member.entity';
export * from './member-identity';
export * from './member-phone';
export * from './member-view.registry';
export * from './members.module';
export * from './members.service';
