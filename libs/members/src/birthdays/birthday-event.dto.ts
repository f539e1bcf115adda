import { ApiProperty } from '@nestjs/swagger';
import { EventData, MemberEventData } from '@vafa/platform';

@EventData('member.birthday')
export class MemberBirthdayEventData extends MemberEventData {
  @ApiProperty({
    example: '1990-02-28',
    format: 'date',
    description:
      "The member's birth date; the event comes on the birthday in the program's time zone (for 29 February, on 28 February in other years)",
  })
  birthDate!: string;
}
