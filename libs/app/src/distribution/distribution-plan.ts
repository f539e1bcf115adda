/**
 * How the schema spreads over a Citus cluster. Member-scoped tables are hash-distributed by the
 * member and colocated with `members`, so every statement of a member's checkout, return or
 * redemption lands on one shard; configuration is replicated to every node as reference tables;
 * program-wide uniqueness lives in lookup tables distributed by the unique value itself.
 */
export interface DistributedTable {
  readonly table: string;
  /** The column Citus hashes to pick the shard. */
  readonly column: string;
}

/** The table the member-scoped tables are colocated with. */
export const MEMBER_ANCHOR = 'members';

/** Colocated with `members` (by `id`): a member's rows of every table share one shard. */
export const MEMBER_TABLES: readonly DistributedTable[] = [
  { table: 'members', column: 'id' },
  { table: 'ledger_accounts', column: 'member_id' },
  { table: 'ledger_transactions', column: 'member_id' },
  { table: 'ledger_postings', column: 'member_id' },
  { table: 'ledger_lots', column: 'member_id' },
  { table: 'ledger_lot_consumptions', column: 'member_id' },
  { table: 'idempotent_requests', column: 'member_id' },
  { table: 'orders', column: 'member_id' },
  { table: 'order_lines', column: 'member_id' },
  { table: 'order_returns', column: 'member_id' },
  { table: 'earning_rule_usage', column: 'member_id' },
  { table: 'member_tiers', column: 'member_id' },
  { table: 'member_insights', column: 'member_id' },
  { table: 'referrals', column: 'referee_id' },
  { table: 'reward_redemptions', column: 'member_id' },
  { table: 'campaign_assignments', column: 'member_id' },
  { table: 'events', column: 'member_id' },
  { table: 'member_event_sequences', column: 'member_id' },
  { table: 'member_notifications', column: 'member_id' },
];

/**
 * Keep a value unique across the program: the primary key is the distribution column (with a
 * kind), and the row names the member it belongs to. Written in the member's transaction.
 */
export const LOOKUP_TABLES: readonly DistributedTable[] = [
  { table: 'member_identities', column: 'value' },
  { table: 'order_ids', column: 'order_id' },
];

/**
 * Copied to every node. Listed so that a referenced table comes before the tables whose foreign
 * keys point at it (Citus requires that order).
 */
export const REFERENCE_TABLES: readonly string[] = [
  'platform_settings',
  'program_settings',
  'api_keys',
  'staff_users',
  'staff_sessions',
  'audit_log',
  'earning_rules',
  'tiers',
  'rewards',
  'referral_program',
  'insight_models',
  'campaigns',
  'campaign_runs',
  'webhook_endpoints',
  'webhook_deliveries',
  'webhook_fan_out',
];

/** TypeORM's bookkeeping stays on the coordinator, where migrations run. */
export const COORDINATOR_TABLES: readonly string[] = ['schema_migrations'];

/**
 * Triggers Citus may run on shards: each raises on the statement it guards and reads or writes
 * no other table, so running it shard by shard is exactly as strict as running it once (what
 * `citus.enable_unsafe_triggers` asks the operator to vouch for).
 */
export const SHARD_LOCAL_TRIGGERS: readonly string[] = [
  'ledger_transactions_append_only',
  'ledger_postings_append_only',
  'ledger_lot_consumptions_append_only',
];

export const DISTRIBUTED_TABLES: readonly DistributedTable[] = [...MEMBER_TABLES, ...LOOKUP_TABLES];

/** Every table the plan places, for checks that the schema has no table the plan forgot. */
export function plannedTables(): string[] {
  return [...DISTRIBUTED_TABLES.map((t) => t.table), ...REFERENCE_TABLES, ...COORDINATOR_TABLES];
}
