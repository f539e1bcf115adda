import type { EarningRule } from './earning-rule-types';

/** Higher priority first; ties by id ascending (code-unit order, locale-independent). */
export function compareRulePriority(a: EarningRule, b: EarningRule): number {
  if (a.priority !== b.priority) {
    return b.priority - a.priority;
  }
  if (a.id === b.id) {
    return 0;
  }
  return a.id < b.id ? -1 : 1;
}

export function sortRulesByPriority(rules: readonly EarningRule[]): EarningRule[] {
  return [...rules].sort(compareRulePriority);
}
