import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseEnumPipe,
  Patch,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ChamberImageKind, ChamberProfile } from '@chamber/contracts';
import type { Request, Response } from 'express';
import { AuthUser, CurrentUser, Public, Roles } from '../auth/auth.decorators';
import { ChamberService } from './chamber.service';
import { UpdateChamberProfileDto } from './dto/chamber.dto';

enum ImageKind {
  logo = 'logo',
  seal = 'seal',
}
const KIND = new ParseEnumPipe(ImageKind);

/** The chamber's identity: name, address, president, logo and seal (admin settings). */
@ApiTags('chamber')
@Controller('chamber')
export class ChamberController {
  constructor(private readonly chamber: ChamberService) {}

  /** The chamber's name, address and contact, as the portal header and documents show them. */
  @Public()
  @Get()
  profile(): Promise<ChamberProfile> {
    return this.chamber.profile();
  }

  /** Changes the chamber's identity (admin). */
  @ApiBearerAuth()
  @Roles('admin')
  @Patch()
  update(@Body() dto: UpdateChamberProfileDto, @CurrentUser() user: AuthUser): Promise<ChamberProfile> {
    return this.chamber.update(dto, user);
  }

  /** The logo: anyone (the portal header shows it). */
  @Public()
  @Get('logo')
  @ApiProduces('image/png', 'image/jpeg')
  async logo(@Res() res: Response): Promise<void> {
    await this.sendImage('logo', res, 'public, max-age=86400');
  }

  /** The seal printed on certificates: the chamber's people only. */
  @ApiBearerAuth()
  @Roles('staff', 'admin')
  @Get('seal')
  @ApiProduces('image/png', 'image/jpeg')
  async seal(@Res() res: Response): Promise<void> {
    await this.sendImage('seal', res, 'private, max-age=3600');
  }

  /** Uploads the logo or the seal (admin): the image's bytes as the body, PNG or JPEG, ≤ 1 MiB. */
  @ApiBearerAuth()
  @Roles('admin')
  @Put(':kind')
  @ApiConsumes('image/png', 'image/jpeg')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  saveImage(
    @Param('kind', KIND) kind: ChamberImageKind,
    @Headers('content-type') contentType: string | undefined,
    @Req() req: Request,
    @CurrentUser() user: AuthUser,
  ): Promise<ChamberProfile> {
    return this.chamber.saveImage(kind, contentType ?? '', req.body, user);
  }

  /** Removes the logo or the seal (admin). */
  @ApiBearerAuth()
  @Roles('admin')
  @Delete(':kind')
  @HttpCode(204)
  deleteImage(@Param('kind', KIND) kind: ChamberImageKind, @CurrentUser() user: AuthUser): Promise<void> {
    return this.chamber.deleteImage(kind, user);
  }

  private async sendImage(kind: ChamberImageKind, res: Response, cache: string): Promise<void> {
    const image = await this.chamber.image(kind);
    res
      .status(200)
      .setHeader('Content-Type', image.contentType)
      .setHeader('Cache-Control', cache)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(image.bytes);
  }
}
