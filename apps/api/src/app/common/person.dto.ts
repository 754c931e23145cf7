import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsKatakana, ToFurigana, ToLowerTrim, Trim } from './validators';

/** The person fields every sign-up form shares (event participants, exam candidates, the public form). */
export class PersonFieldsDto {
  @ApiProperty({ example: '山田 太郎' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({
    example: 'ヤマダ タロウ',
    description: 'katakana; hiragana and half-width are accepted and stored as katakana',
  })
  @ToFurigana()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsKatakana()
  nameKana: string;

  @ApiProperty({ example: 'taro@example.jp' })
  @ToLowerTrim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  @IsEmail()
  email: string;
}
