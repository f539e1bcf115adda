import { ApiProperty } from '@nestjs/swagger';

export class TierMembersDto {
  @ApiProperty({ example: '3f0b2c1d-7a4e-4b9f-8c2d-1e0f9a8b7c6d' }) tierId!: string;
  @ApiProperty({ example: 'gold' }) code!: string;
  @ApiProperty({ example: 'Gold' }) name!: string;
  @ApiProperty({ example: 120, description: 'Members in the tier now' }) members!: number;
}

export class TierDistributionDto {
  @ApiProperty({ example: 1000, description: 'All members' }) members!: number;
  @ApiProperty({
    example: 0,
    description: 'Members in no tier: every member while the program has no tiers, else 0',
  })
  noTier!: number;
  @ApiProperty({
    type: [TierMembersDto],
    description: 'Every tier, lowest rank first, with 0 for a tier no one holds',
    example: [
      {
        tierId: '0b9e1c2d-3f4a-4b5c-8d6e-7f8091a2b3c4',
        code: 'member',
        name: 'Member',
        members: 800,
      },
      {
        tierId: '1c2d3e4f-5a6b-4c7d-9e8f-0a1b2c3d4e5f',
        code: 'silver',
        name: 'Silver',
        members: 150,
      },
      { tierId: '3f0b2c1d-7a4e-4b9f-8c2d-1e0f9a8b7c6d', code: 'gold', name: 'Gold', members: 50 },
    ],
  })
  tiers!: TierMembersDto[];
}
