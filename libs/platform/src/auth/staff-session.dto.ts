import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from './password-hashing';
import { StaffUserDto } from './staff-user.dto';

export class SignInDto {
  @ApiProperty({ example: 'sara@example.com' })
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'correct-horse-battery' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class StaffSessionDto {
  @ApiProperty({ type: StaffUserDto }) user!: StaffUserDto;

  @ApiProperty({
    example: 'q3Jk9v0bX1sYt2m8R4wZ6nP5cL7aE0dF3hG1iK2jM4o',
    description: 'Send it in the X-CSRF-Token header on every write made with the session cookie',
  })
  csrfToken!: string;

  @ApiProperty({
    example: '2026-11-24T22:00:00.000Z',
    description:
      'The latest the session can last; it ends earlier after VAFA_SESSION_IDLE_MINUTES without a request',
  })
  expiresAt!: string;

  @ApiProperty({ example: 30, description: 'Minutes without a request after which it ends' })
  idleTimeoutMinutes!: number;
}
