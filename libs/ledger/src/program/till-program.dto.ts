import { ApiProperty } from '@nestjs/swagger';

/** What a till needs of the program's settings to price a basket and take points as money. */
export class TillProgramDto {
  @ApiProperty({ example: 'USD', description: 'ISO 4217 code of every amount' }) currency!: string;
  @ApiProperty({ example: 100, description: 'Minor units per major unit (100 for USD, 1 for JPY)' })
  minorUnitsPerMajor!: number;
  @ApiProperty({ example: 100, description: 'Redemption: this many points ...' })
  redemptionPoints!: number;
  @ApiProperty({ example: 100, description: '... pay this many minor units' })
  redemptionValue!: number;
  @ApiProperty({ example: 50, description: 'The most of an order points may pay, in percent' })
  maxRedeemPercent!: number;
  @ApiProperty({ example: 14, description: 'Days earned points stay pending (the return window)' })
  pointsPendingDays!: number;
  @ApiProperty({
    example: 'IR',
    nullable: true,
    type: String,
    description:
      'ISO 3166 alpha-2 country of phones written without a country code; null: every phone must carry its country code',
  })
  defaultCountry!: string | null;
}
