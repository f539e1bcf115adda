import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor, auditActorOf } from '../audit/audit-actor';
import { AuditAction, AuditLog } from '../audit/audit-log.repository';
import { Clock } from '../clock/clock';
import { constraintOf, inTransaction, sqlState } from '../database/transaction';
import { Page, PageQuery, pageNewestFirst } from '../http/pagination';
import {
  cashierNeedsStore,
  invalidCredentials,
  lastAdmin,
  staffUserExists,
  staffUserNotFound,
} from '../platform.errors';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password-hashing';
import type { StaffPrincipal, StaffRole } from './principal';
import { StaffUserEntity } from './staff-user.entity';

export interface StaffUserView {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  storeId: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

export interface NewStaffUser {
  email: string;
  name: string;
  role: StaffRole;
  storeId?: string;
  password: string;
}

export interface StaffUserChanges {
  name?: string;
  role?: StaffRole;
  storeId?: string | null;
  disabled?: boolean;
  password?: string;
}

/** Who asks for a change: a staff caller over HTTP, or an operator at the command line. */
export type StaffUserChangeActor = StaffPrincipal | AuditActor;

/** The view never carries the password hash. */
export const toStaffUserView = (u: StaffUserEntity): StaffUserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  storeId: u.storeId,
  disabled: u.disabled,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
  lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
});

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const actorOf = (actor: StaffUserChangeActor): AuditActor =>
  actor.kind === 'staff' ? auditActorOf(actor) : actor;

/**
 * Staff users: the people who sign in to the console. Each change is one transaction with its
 * audit entry; disabling, deleting or re-keying a user ends their sessions in it too.
 */
@Injectable()
export class StaffUsersRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(input: NewStaffUser, actor: StaffUserChangeActor): Promise<StaffUserView> {
    if (input.role === 'cashier' && !input.storeId) {
      throw cashierNeedsStore('A cashier');
    }
    const passwordHash = await hashPassword(input.password);
    const now = this.clock.now();
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const repository = manager.getRepository(StaffUserEntity);
        const saved = await repository.save(
          repository.create({
            email: normalizeEmail(input.email),
            name: input.name,
            role: input.role,
            storeId: input.storeId ?? null,
            passwordHash,
            disabled: false,
            createdAt: now,
            updatedAt: now,
            lastSignInAt: null,
          }),
        );
        const view = toStaffUserView(saved);
        await this.record(manager, actor, 'create', saved.id, null, view);
        return view;
      });
    } catch (error) {
      if (sqlState(error) === '23505' && constraintOf(error) === 'uq_staff_users_email') {
        throw staffUserExists();
      }
      throw error;
    }
  }

  list(query: PageQuery): Promise<Page<StaffUserView>> {
    return pageNewestFirst(
      this.dataSource.getRepository(StaffUserEntity).createQueryBuilder('u'),
      'created_at',
      query,
      (u) => u.createdAt,
      toStaffUserView,
    );
  }

  async get(id: string): Promise<StaffUserView> {
    const user = await this.dataSource.getRepository(StaffUserEntity).findOneBy({ id });
    if (!user) {
      throw staffUserNotFound();
    }
    return toStaffUserView(user);
  }

  async update(
    id: string,
    changes: StaffUserChanges,
    actor: StaffUserChangeActor,
  ): Promise<StaffUserView> {
    const passwordHash =
      changes.password === undefined ? undefined : await hashPassword(changes.password);
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(StaffUserEntity);
      const user = await this.lockForChange(manager, id);
      const before = toStaffUserView(user);
      const role = changes.role ?? user.role;
      const storeId = changes.storeId === undefined ? user.storeId : changes.storeId;
      const disabled = changes.disabled ?? user.disabled;
      if (role === 'cashier' && !storeId) {
        throw cashierNeedsStore('A cashier');
      }
      const unchanged =
        (changes.name ?? user.name) === user.name &&
        role === user.role &&
        storeId === user.storeId &&
        disabled === user.disabled &&
        !passwordHash;
      if (unchanged) {
        return before;
      }
      if (isEnabledAdmin(user) && !(role === 'admin' && !disabled)) {
        await this.requireAnotherAdmin(manager, id);
      }
      Object.assign(user, {
        name: changes.name ?? user.name,
        role,
        storeId,
        disabled,
        ...(passwordHash ? { passwordHash } : {}),
        updatedAt: this.clock.now(),
      });
      const saved = await repository.save(user);
      // A disabled user, or one whose password was reset, is signed out everywhere at once.
      if (disabled || passwordHash) {
        await manager.query('DELETE FROM staff_sessions WHERE user_id = $1', [id]);
      }
      const after = toStaffUserView(saved);
      await this.record(manager, actor, 'update', id, before, after);
      return after;
    });
  }

  async remove(id: string, actor: StaffUserChangeActor): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const user = await this.lockForChange(manager, id);
      if (isEnabledAdmin(user)) {
        await this.requireAnotherAdmin(manager, id);
      }
      // The sessions go with the user (ON DELETE CASCADE).
      await manager.query('DELETE FROM staff_users WHERE id = $1', [id]);
      await this.record(manager, actor, 'delete', id, toStaffUserView(user), null);
    });
  }

  /**
   * The enabled user with this email and password, or 401 INVALID_CREDENTIALS, the same answer
   * in about the same time for an unknown email, a wrong password and a disabled user.
   */
  async verifyCredentials(email: string, password: string): Promise<StaffUserEntity> {
    const user = await this.dataSource
      .getRepository(StaffUserEntity)
      .findOneBy({ email: normalizeEmail(email) });
    const matches = await verifyPassword(
      user?.passwordHash ?? (await dummyPasswordHash()),
      password,
    );
    if (!user || !matches || user.disabled) {
      throw invalidCredentials();
    }
    if (needsRehash(user.passwordHash)) {
      // Hashes made with older parameters are remade while the password is at hand.
      const rehashed = await hashPassword(password);
      await this.dataSource.query(
        'UPDATE staff_users SET password_hash = $2 WHERE id = $1 AND password_hash = $3',
        [user.id, rehashed, user.passwordHash],
      );
    }
    return user;
  }

  /** Notes a sign-in and answers the user as they are now. */
  async recordSignIn(id: string): Promise<StaffUserView> {
    const repository = this.dataSource.getRepository(StaffUserEntity);
    await repository.update({ id }, { lastSignInAt: this.clock.now() });
    return toStaffUserView(await repository.findOneByOrFail({ id }));
  }

  /**
   * Locks every enabled admin row along with the one changed, so two admins cannot disable each
   * other at the same moment and leave none.
   */
  private async lockForChange(manager: EntityManager, id: string): Promise<StaffUserEntity> {
    await manager.query(
      "SELECT id FROM staff_users WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE",
    );
    const user = await manager
      .getRepository(StaffUserEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) {
      throw staffUserNotFound();
    }
    return user;
  }

  private async requireAnotherAdmin(manager: EntityManager, id: string): Promise<void> {
    const rows = await manager.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM staff_users WHERE role = 'admin' AND NOT disabled AND id <> $1",
      [id],
    );
    if ((rows[0]?.n ?? 0) === 0) {
      throw lastAdmin();
    }
  }

  private record(
    manager: EntityManager,
    actor: StaffUserChangeActor,
    action: AuditAction,
    resourceId: string,
    before: StaffUserView | null,
    after: StaffUserView | null,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor: actorOf(actor),
      action,
      resourceType: 'staff_user',
      resourceId,
      before,
      after,
    });
  }
}

const isEnabledAdmin = (u: StaffUserEntity): boolean => u.role === 'admin' && !u.disabled;
