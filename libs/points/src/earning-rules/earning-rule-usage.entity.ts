import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many times a rule applied to a member on a day (program time zone), for per-day limits. */
@Entity({ name: 'earning_rule_usage' })
export class EarningRuleUsageEntity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ name: 'rule_id', type: 'uuid' })
  ruleId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'int' })
  uses!: number;
}
