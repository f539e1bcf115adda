import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import {
  AuditActor,
  AuditLog,
  CacheFamily,
  deepFreeze,
  inTransaction,
  Page,
  pageNewestFirst,
  ShortLivedValue,
} from '@vafa/platform';
import type {
  EarningRule,
  EarningRuleConditions,
  EarningRuleEffect,
  EarningRuleLimits,
} from '../rules';
import { EarningRuleDto, EarningRuleInputDto, EarningRuleListQuery } from './earning-rule.dto';
import { EarningRuleEntity } from './earning-rule.entity';
import { earningRuleNotFound } from '../points.errors';

export const toEarningRuleDto = (rule: EarningRuleEntity): EarningRuleDto => ({
  id: rule.id,
  name: rule.name,
  active: rule.active,
  priority: rule.priority,
  conditions: rule.conditions,
  effect: rule.effect,
  stackable: rule.stackable,
  limits: rule.limits,
  createdAt: rule.createdAt.toISOString(),
  updatedAt: rule.updatedAt.toISOString(),
});

/** The shape the pure earning engine works on. */
export const toEngineRule = (rule: EarningRuleEntity): EarningRule => ({
  id: rule.id,
  name: rule.name,
  active: rule.active,
  priority: rule.priority,
  stackable: rule.stackable,
  conditions: rule.conditions,
  effect: rule.effect,
  ...(rule.limits ? { limits: rule.limits } : {}),
});

/** A copy without the keys whose value is null or undefined: null in the API means "absent". */
function compact<T extends object>(value: T | null | undefined): Partial<T> {
  const result: Partial<T> = {};
  if (!value) {
    return result;
  }
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] !== null && value[key] !== undefined) {
      result[key] = value[key];
    }
  }
  return result;
}

type EarningRuleColumns = Omit<EarningRuleEntity, 'id' | 'createdAt' | 'updatedAt'>;

/** The stored columns for an input; every one is set, so this is also a full replacement. */
function toColumns(input: EarningRuleInputDto): EarningRuleColumns {
  const conditions: EarningRuleConditions = compact<EarningRuleConditions>(input.conditions);
  // Stored as canonical UTC instants, which is what the engine compares.
  if (conditions.validFrom) {
    conditions.validFrom = new Date(conditions.validFrom).toISOString();
  }
  if (conditions.validUntil) {
    conditions.validUntil = new Date(conditions.validUntil).toISOString();
  }
  const effect: EarningRuleEffect = compact<EarningRuleEffect>(input.effect);
  const limits: EarningRuleLimits = compact<EarningRuleLimits>(input.limits);
  return {
    name: input.name,
    active: input.active ?? true,
    priority: input.priority ?? 0,
    stackable: input.stackable ?? true,
    conditions,
    effect,
    limits: Object.keys(limits).length > 0 ? limits : null,
  };
}

/**
 * How long `cachedActiveRules()` may answer from memory. A change made through this process
 * applies to the very next checkout; one made by another process within this.
 */
export const EARNING_RULES_CACHE_MS = 1000;

const EARNING_RULES = new CacheFamily();

/**
 * Marketers' earning rules. Changing or deleting a rule never touches points already earned:
 * those live in the ledger, with the applied rules recorded on each order.
 */
@Injectable()
export class EarningRulesRepository {
  private readonly cache = new ShortLivedValue<readonly EarningRule[]>(
    EARNING_RULES,
    EARNING_RULES_CACHE_MS,
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Runs a change in one transaction with its audit row, then makes every cached rule list in
   * this process stale.
   */
  private async changing<T>(
    change: (rules: Repository<EarningRuleEntity>, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await inTransaction(this.dataSource, (manager) =>
        change(manager.getRepository(EarningRuleEntity), manager),
      );
    } finally {
      EARNING_RULES.invalidate();
    }
  }

  private record(
    manager: EntityManager,
    actor: AuditActor,
    action: 'create' | 'update' | 'delete',
    before: EarningRuleEntity | null,
    after: EarningRuleEntity | null,
  ): Promise<void> {
    const id = (after ?? before)?.id ?? '';
    return this.audit.record(manager, {
      actor,
      action,
      resourceType: 'earning_rule',
      resourceId: id,
      before: before && toEarningRuleDto(before),
      after: after && toEarningRuleDto(after),
    });
  }

  /** The rule, locked until the change commits. */
  private async lockRule(
    rules: Repository<EarningRuleEntity>,
    id: string,
  ): Promise<EarningRuleEntity> {
    const rule = await rules.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!rule) {
      throw earningRuleNotFound();
    }
    return rule;
  }

  private get rules(): Repository<EarningRuleEntity> {
    return this.dataSource.getRepository(EarningRuleEntity);
  }

  async create(input: EarningRuleInputDto, actor: AuditActor): Promise<EarningRuleDto> {
    const rule = await this.changing(async (rules, manager) => {
      const created = await rules.save(rules.create(toColumns(input)));
      await this.record(manager, actor, 'create', null, created);
      return created;
    });
    return toEarningRuleDto(rule);
  }

  async get(id: string): Promise<EarningRuleDto> {
    return toEarningRuleDto(await this.find(id));
  }

  /** Newest first. */
  async list(query: EarningRuleListQuery): Promise<Page<EarningRuleDto>> {
    const qb = this.rules.createQueryBuilder('r');
    if (query.active !== undefined) {
      qb.andWhere('r.active = :active', { active: query.active });
    }
    return pageNewestFirst(qb, 'created_at', query, (r) => r.createdAt, toEarningRuleDto);
  }

  /** PUT: every field is replaced; omitted optional fields return to their defaults. */
  async replace(
    id: string,
    input: EarningRuleInputDto,
    actor: AuditActor,
  ): Promise<EarningRuleDto> {
    const rule = await this.changing(async (rules, manager) => {
      const before = await this.lockRule(rules, id);
      // update() rather than save(): save() would re-insert a rule deleted in the meantime.
      await rules.update({ id }, toColumns(input));
      const after = await rules.findOneByOrFail({ id });
      await this.record(manager, actor, 'update', before, after);
      return after;
    });
    return toEarningRuleDto(rule);
  }

  async remove(id: string, actor: AuditActor): Promise<void> {
    await this.changing(async (rules, manager) => {
      const before = await this.lockRule(rules, id);
      await rules.delete({ id });
      await this.record(manager, actor, 'delete', before, null);
    });
  }

  /**
   * Every active rule, in the engine's shape, in one query. Validity dates are left to the
   * engine, which checks them against the order's own time (orders may be backdated).
   * Pass a transaction's manager to read within it.
   */
  async activeRules(manager?: EntityManager): Promise<EarningRule[]> {
    const repository = (manager ?? this.dataSource.manager).getRepository(EarningRuleEntity);
    const rows = await repository.find({
      where: { active: true },
      order: { priority: 'DESC', id: 'ASC' },
    });
    return rows.map(toEngineRule);
  }

  /**
   * activeRules() for hot paths (every checkout): from memory when read less than
   * EARNING_RULES_CACHE_MS ago and no rule changed in this process since; deeply frozen. Inside
   * a transaction pass its manager: a miss then reads through it, not through a second connection.
   */
  cachedActiveRules(manager?: EntityManager): Promise<readonly EarningRule[]> {
    return this.cache.get(async () => deepFreeze(await this.activeRules(manager)));
  }

  private async find(id: string): Promise<EarningRuleEntity> {
    const rule = await this.rules.findOneBy({ id });
    if (!rule) {
      throw earningRuleNotFound();
    }
    return rule;
  }
}
