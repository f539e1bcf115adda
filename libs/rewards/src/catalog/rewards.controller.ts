import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@vafa/platform';
import {
  CreateRewardDto,
  ReplaceRewardDto,
  RewardDto,
  RewardListQuery,
  RewardPageDto,
} from './reward.dto';
import { RewardsService } from './rewards.service';

const NOT_FOUND = { description: 'REWARD_NOT_FOUND' };
const INVALID = {
  description:
    'VALIDATION_FAILED: unknown or malformed fields, a value that does not fit the type, ' +
    'activeUntil not after activeFrom',
};

@ApiTags('Rewards')
@Controller('v1/rewards')
@Roles('marketer')
export class RewardsController {
  constructor(private readonly rewards: RewardsService) {}

  @Post()
  @ApiCreatedResponse({ type: RewardDto })
  @ApiBadRequestResponse(INVALID)
  create(@Body() body: CreateRewardDto): Promise<RewardDto> {
    return this.rewards.create(body);
  }

  @Get()
  @ApiOkResponse({ type: RewardPageDto, description: 'Newest first' })
  list(@Query() query: RewardListQuery): Promise<RewardPageDto> {
    return this.rewards.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: RewardDto })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<RewardDto> {
    return this.rewards.get(id);
  }

  @Put(':id')
  @ApiOkResponse({
    type: RewardDto,
    description: 'Replaces the whole reward; coupons and perks already issued keep their terms',
  })
  @ApiBadRequestResponse(INVALID)
  @ApiNotFoundResponse(NOT_FOUND)
  replace(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReplaceRewardDto,
  ): Promise<RewardDto> {
    return this.rewards.replace(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Removed from the catalog; coupons and perks already issued stay valid',
  })
  @ApiNotFoundResponse(NOT_FOUND)
  remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.rewards.remove(id);
  }
}
