import { isEmail } from 'class-validator';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../audit/audit-actor';
import { AuditLog } from '../audit/audit-log.repository';
import { Clock, SystemClock } from '../clock/clock';
import { DomainError } from '../errors/domain-error';
import { generatePassword } from './password-hashing';
import { STAFF_ROLES, type StaffRole } from './principal';
import { StaffUsersRepository } from './staff-users.repository';

export interface StaffAddOptions {
  email: string;
  role: StaffRole;
  name?: string;
  store?: string;
}

/** A mistake in what the operator asked for: one sentence, no stack. */
export class StaffCommandError extends Error {}

/**
 * `vafa staff add` (the operator's command): creates a staff user with a generated password and prints it once, the way
 * into a fresh install's console (only its argon2id hash is kept).
 */
export async function addStaffUser(
  dataSource: DataSource,
  options: StaffAddOptions,
  print: (line: string) => void,
  clock: Clock = new SystemClock(),
): Promise<void> {
  const email = options.email.trim();
  if (!isEmail(email)) {
    throw new StaffCommandError(`"${options.email}" is not an email address.`);
  }
  if (!STAFF_ROLES.includes(options.role)) {
    throw new StaffCommandError(`--role must be one of ${STAFF_ROLES.join(', ')}.`);
  }
  if (options.role === 'cashier' && !options.store) {
    throw new StaffCommandError('A cashier must be bound to a store: add --store <storeId>.');
  }
  const password = generatePassword();
  const users = new StaffUsersRepository(dataSource, new AuditLog(clock), clock);
  try {
    const user = await users.create(
      {
        email,
        name: options.name?.trim() || email.split('@')[0] || email,
        role: options.role,
        storeId: options.store,
        password,
      },
      { ...SYSTEM_ACTOR, name: 'vafa staff add' },
    );
    print(
      `Created staff user ${user.email} (${user.role}${user.storeId ? `, store ${user.storeId}` : ''}).`,
    );
    print(`Password (shown only now; sign in and keep it safe): ${password}`);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'STAFF_USER_EXISTS') {
      throw new StaffCommandError(
        `A staff user with the email ${email.toLowerCase()} already exists.`,
      );
    }
    if (error instanceof DomainError && error.status === 400) {
      throw new StaffCommandError(error.message);
    }
    throw error;
  }
}
