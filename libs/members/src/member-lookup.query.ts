import type { PreparedStatement } from '@vafa/platform';

/**
 * How a till finds a member (see MembersRepository.findIdBy): by id, or by who holds an
 * identity (written in the member's own transaction, so its holder exists); each statement names
 * its table's key, so on Citus each goes to one shard.
 */
export const MEMBER_BY_ID: PreparedStatement = {
  name: 'vafa_member_by_id',
  text: 'SELECT id FROM members WHERE id = $1',
};

/** Which of many ids are members (a batch of checkouts). */
export const MEMBERS_BY_IDS: PreparedStatement = {
  name: 'vafa_members_by_ids',
  text: 'SELECT id FROM members WHERE id = ANY($1::uuid[])',
};

/** $1: the kind of identity, $2: its value. */
export const MEMBER_ID_BY_IDENTITY: PreparedStatement = {
  name: 'vafa_member_id_by_identity',
  text: 'SELECT member_id FROM member_identities WHERE kind = $1 AND value = $2',
};
