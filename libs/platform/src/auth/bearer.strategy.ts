import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { API_KEY_PREFIX } from './api-key.secret';
import { ApiKeysService } from './api-keys.service';
import { MemberTokensService } from './member-tokens.service';
import type { Principal } from './principal';

/** One bearer scheme for both staff API keys and member tokens, told apart by their shape. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly memberTokens: MemberTokensService,
  ) {
    super();
  }

  async validate(token: string): Promise<Principal | false> {
    const principal = token.startsWith(API_KEY_PREFIX)
      ? await this.apiKeys.authenticate(token)
      : await this.memberTokens.verify(token);
    return principal ?? false;
  }
}
