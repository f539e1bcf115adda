/** A member's points: what can be spent now, and what is still waiting to become available. */
export interface Balance {
  available: number;
  pending: number;
}
