import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { discoverListeners } from '@vafa/platform';
import type { CreateMemberDto } from './member.dto';
import type { MemberEntity } from './member.entity';

/** What an enrollment listener found out that the member.enrolled event tells. */
export interface EnrollmentFacts {
  /** The member whose referral code was used. */
  referrerId?: string;
}

/** The enrollment seam: `@ListenerFor(ENROLLMENT_SEAM)` providers implementing EnrollmentListener. */
export const ENROLLMENT_SEAM = Symbol('enrollment listeners');

/** Other domains (referral attribution, ...) act on a new member inside the enrollment. */
export interface EnrollmentListener {
  /** Runs inside the enrollment transaction; throwing undoes the enrollment whole. */
  onEnrollment(
    manager: EntityManager,
    member: MemberEntity,
    input: CreateMemberDto,
  ): Promise<EnrollmentFacts | void>;
}

/** Calls the enrollment listeners, in module order, and gathers what they found out. */
@Injectable()
export class EnrollmentSeam implements OnModuleInit {
  private listeners: EnrollmentListener[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.listeners = discoverListeners(this.discovery, ENROLLMENT_SEAM);
  }

  async enrolled(
    manager: EntityManager,
    member: MemberEntity,
    input: CreateMemberDto,
  ): Promise<EnrollmentFacts> {
    const facts: EnrollmentFacts = {};
    for (const listener of this.listeners) {
      Object.assign(facts, await listener.onEnrollment(manager, member, input));
    }
    return facts;
  }
}
