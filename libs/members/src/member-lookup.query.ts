import type { PreparedStatement } from '@vafa/platform';

/** How a till finds a member (see MembersService.findIdBy). */
export const MEMBER_BY_ID: PreparedStatement = {
  name: 'vafa_member_by_id',
  text: 'SELECT id FROM members WHERE id = $1',
};

export const MEMBER_BY_CARD: PreparedStatement = {
  name: 'vafa_member_by_card',
  text: 'SELECT id FROM members WHERE card_number = $1',
};

/** $1: the phone's forms, best first (E.164, then as stored before E.164). */
export const MEMBER_BY_PHONE: PreparedStatement = {
  name: 'vafa_member_by_phone_forms',
  text: `SELECT id FROM members WHERE phone = ANY($1::text[])
         ORDER BY array_position($1::text[], phone) LIMIT 1`,
};
