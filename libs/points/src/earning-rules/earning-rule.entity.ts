import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { EarningRuleConditions, EarningRuleEffect, EarningRuleLimits } from '../rules';

/** A marketer's earning rule. Changing it never touches points already earned. */
@Entity({ name: 'earning_rules' })
export class EarningRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  priority!: number;

  @Column({ type: 'boolean', default: true })
  stackable!: boolean;

  @Column({ type: 'jsonb' })
  conditions!: EarningRuleConditions;

  @Column({ type: 'jsonb' })
  effect!: EarningRuleEffect;

  @Column({ type: 'jsonb', nullable: true })
  limits!: EarningRuleLimits | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
