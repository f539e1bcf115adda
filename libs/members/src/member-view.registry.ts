import { Injectable } from '@nestjs/common';

/** Adds one domain's part (points, tier, ...) to the member's own view. */
export interface MemberViewContributor {
  contribute(memberId: string, view: Record<string, unknown>): Promise<void>;
}

/**
 * Other libraries register here so that `/v1/me` shows their part without this library
 * depending on them (dependencies point from the domains to members, never back).
 */
@Injectable()
export class MemberViewRegistry {
  private readonly contributors: MemberViewContributor[] = [];

  register(contributor: MemberViewContributor): void {
    this.contributors.push(contributor);
  }

  async build(memberId: string, base: Record<string, unknown>): Promise<Record<string, unknown>> {
    const view = { ...base };
    for (const contributor of this.contributors) await contributor.contribute(memberId, view);
    return view;
  }
}
