import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A catalog entry or campaign the steps name by `ref` instead of by the id the API gives it. */
export type Named = { ref: string } & Record<string, unknown>;

/**
 * What a step does, one key naming the event:
 * - `enrol`: the member joins (fields for POST /v1/members);
 * - `checkout`: a till order (`orderId`, `lines`, `redeemPoints?`, `coupons?`: reward refs whose
 *   codes the member redeemed earlier);
 * - `return`: units of an order come back (`orderId`, `lines`);
 * - `redeem`: the member redeems a catalog reward in their app (`reward`: its ref);
 * - `cancelRedemption`: staff cancel the member's redemption of `reward`;
 * - `adjust`: staff credit or debit points (the body of POST /v1/members/{id}/adjustments);
 * - `addTier`: a marketer adds a tier mid-year (the body of POST /v1/tiers);
 * - `runCampaign`: a campaign run now (`campaign`: its ref);
 * - `releasePending`, `expirePoints`, `evaluateTiers`, `expireCoupons`: the scheduled jobs, by
 *   their admin triggers;
 * - `look`: nothing, only the expectations are checked.
 */
export type Action =
  | { enrol: Record<string, unknown> }
  | {
      checkout: {
        orderId: string;
        lines: { sku: string; quantity: number; unitPrice: number; category?: string }[];
        redeemPoints?: number;
        coupons?: string[];
      };
    }
  | { return: { orderId: string; lines: { sku: string; quantity: number }[] } }
  | { redeem: { reward: string } }
  | { cancelRedemption: { reward: string } }
  | { adjust: { points: number; reason: string; ticketId?: string; note?: string } }
  | { addTier: Record<string, unknown> }
  | { runCampaign: { campaign: string } }
  | { releasePending: Record<string, never> }
  | { expirePoints: Record<string, never> }
  | { evaluateTiers: Record<string, never> }
  | { expireCoupons: Record<string, never> }
  | { look: Record<string, never> };

/**
 * The member's state after a step, as the member's own API shows it. Every field is optional:
 * a step checks only what it names.
 * - `lots`: each credit's lot in the order written, as `<kind> [orderId]: <remaining> of
 *   <amount> <state>, expires <YYYY-MM-DD HH:MM | never>`;
 * - `activity`: the whole feed, oldest first, as `<YYYY-MM-DD HH:MM> <type> <±points>` (tier
 *   entries add `upgrade to <code>` / `downgrade to <code>`);
 * - `perks`: the member's coupons and perks, as `<reward name>: <status>`, sorted.
 */
export interface Expectations {
  response?: Record<string, unknown>;
  balance?: { available: number; pending: number };
  lifetimeEarned?: number;
  tier?: string | null;
  lots?: string[];
  activity?: string[];
  perks?: string[];
}

export interface Step {
  name: string;
  /** The frozen clock is set to this instant before the step acts; never earlier than the last. */
  at: string;
  do: Action;
  /** Why the expected numbers are what they are, worked out by hand from the program's rules. */
  note: string;
  expect: Expectations;
}

export interface Scenario {
  name: string;
  story: string;
  /** The clock's start: the program below is configured at this instant. */
  start: string;
  /** PUT /v1/program (partial). */
  program?: Record<string, unknown>;
  earningRules?: Record<string, unknown>[];
  tiers?: Record<string, unknown>[];
  rewards?: Named[];
  /** A reward or perk gift names its catalog reward by ref: `"gift": {"type": "reward", "reward": "ten-off"}`. */
  campaigns?: Named[];
  steps: Step[];
}

export const SCENARIO_DIR = __dirname;

/** Every `*.scenario.json` next to this file, by file name. */
export function loadScenarios(dir = SCENARIO_DIR): { file: string; scenario: Scenario }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.scenario.json'))
    .sort()
    .map((file) => ({
      file,
      scenario: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario,
    }));
}

/** The one event a step's `do` names, and its arguments. */
export function actionOf(step: Step): [string, Record<string, unknown>] {
  const entries = Object.entries<Record<string, unknown>>(step.do);
  const [first] = entries;
  if (entries.length !== 1 || !first) {
    throw new Error(`step "${step.name}": "do" must name exactly one event`);
  }
  return first;
}
