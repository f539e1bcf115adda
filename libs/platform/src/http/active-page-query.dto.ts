import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { toBoolean } from '../validation/to-boolean';
import { PageQuery } from './pagination';

/** A page of a configuration list (rewards, earning rules) that can be narrowed to active or not. */
export class ActivePageQuery extends PageQuery {
  @ApiPropertyOptional({ example: true, description: 'Only active (true) or inactive (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
