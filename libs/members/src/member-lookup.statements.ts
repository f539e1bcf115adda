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

export const MEMBER_BY_PHONE: PreparedStatement = {
  name: 'vafa_member_by_phone',
  text: 'SELECT id FROM members WHERE phone = $1',
};
