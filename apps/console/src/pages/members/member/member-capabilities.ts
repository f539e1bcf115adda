import type { StaffRole } from '../../../api/session';

/** What a role may do on a member's page: the rows of libs/app/src/role-matrix.ts it can call. */
export interface MemberCapabilities {
  /** PATCH /v1/members/{id}, GET …/activity, GET …/perks (MEMBER_RECORDS). */
  editProfile: boolean;
  activity: boolean;
  perks: boolean;
  /** GET …/insights, POST …/adjustments, PUT …/tier (MARKETER). */
  insights: boolean;
  grantGoodwill: boolean;
  changeTier: boolean;
}

export function memberCapabilities(role: StaffRole): MemberCapabilities {
  const records = role === 'admin' || role === 'marketer' || role === 'integration';
  const marketing = role === 'admin' || role === 'marketer';
  return {
    editProfile: records,
    activity: records,
    perks: records,
    insights: marketing,
    grantGoodwill: marketing,
    changeTier: marketing,
  };
}
