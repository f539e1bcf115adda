import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { API_KEY_PREFIX } from './api-key-secret';
import { ApiKeysRepository } from './api-keys.repository';
import { MemberTokensRepository } from './member-tokens.repository';
import type { Principal } from './principal';

/** One bearer scheme for both staff API keys and member tokens, told apart by their shape. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(
    private readonly apiKeys: ApiKeysRepository,
    private readonly memberTokens: MemberTokensRepository,
  ) {
    super();
  }

  /**
   * Generated keys carry the `vafa_sk_` prefix, but VAFA_ADMIN_KEY may be any string of 24 or
   * more characters: a token that is not a valid member token is looked up as a key too.
   */
  async validate(token: string): Promise<Principal | false> {
    if (token.startsWith(API_KEY_PREFIX)) {
      return (await this.apiKeys.authenticate(token)) ?? false;
    }
    const member = await this.memberTokens.verify(token);
    return member ?? (await this.apiKeys.authenticate(token)) ?? false;
  }
}
