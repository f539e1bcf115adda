import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsUUID } from 'class-validator';
import { IsNestedObject } from '@vafa/platform';
import { MemberRefDto } from '@vafa/points';

/** A cashier redeems a catalog reward for the member in front of them. */
export class TillRedemptionDto {
  @ApiProperty({
    type: MemberRefDto,
    description: 'Exactly one of id, cardNumber, phone (as on a checkout)',
    example: { cardNumber: '7426013370995412' },
  })
  @IsDefined()
  @IsNestedObject(() => MemberRefDto)
  member!: MemberRefDto;

  @ApiProperty({ example: '3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3b' })
  @IsUUID()
  rewardId!: string;
}
