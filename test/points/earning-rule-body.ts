/** An earning rule as the API answers it. */
export interface RuleBody {
  id: string;
  name: string;
  active: boolean;
  priority: number;
  conditions: Record<string, unknown>;
  effect: Record<string, unknown>;
  stackable: boolean;
  limits: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}
