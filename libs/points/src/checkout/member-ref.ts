import type { EntityManager } from 'typeorm';
import { validationFailed } from '@vafa/platform';
import { memberNotFound, MembersRepository } from '@vafa/members';

/** How the till names the member in front of it: exactly one of these. */
export interface MemberRef {
  id?: string;
  cardNumber?: string;
  phone?: string;
}

/** The member a till request names: 400 unless exactly one identity is given, 404 when unknown. */
export async function resolveMemberRef(
  members: MembersRepository,
  ref: MemberRef,
  manager?: EntityManager,
): Promise<string> {
  const given = [ref.id, ref.cardNumber, ref.phone].filter((v) => v !== undefined);
  if (given.length !== 1) {
    throw validationFailed('member must name exactly one of id, cardNumber, phone.');
  }
  const id = await members.findIdBy(ref, manager);
  if (!id) {
    throw memberNotFound();
  }
  return id;
}
