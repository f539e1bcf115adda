import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { ObjectLiteral } from 'typeorm';
import { discoverOneListener, validationFailed } from '@vafa/platform';

/** Which members a segment holds: a condition on the member alias `m` with its named parameters. */
export interface SegmentCondition {
  where: string;
  parameters: ObjectLiteral;
}

/**
 * The member segment seam: at most one `@ListenerFor(MEMBER_SEGMENT_SEAM)` provider implementing
 * MemberSegmentListener.
 */
export const MEMBER_SEGMENT_SEAM = Symbol('member segment listener');

/**
 * Implemented by the library that scores members (insights), so that this one need not know
 * its tables.
 */
export interface MemberSegmentListener {
  /** The members `segment` holds; throws a 400 for a segment it does not know. */
  condition(segment: string): SegmentCondition;
}

/** Where the member search meets segments: without a segment listener, members have none. */
@Injectable()
export class MemberSegmentSeam implements OnModuleInit {
  private listener?: MemberSegmentListener;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.listener = discoverOneListener(this.discovery, MEMBER_SEGMENT_SEAM);
  }

  /** The condition for `segment`, or 400 VALIDATION_FAILED. */
  condition(segment: string): SegmentCondition {
    if (!this.listener) {
      throw validationFailed('Members have no segments here.');
    }
    return this.listener.condition(segment);
  }
}
