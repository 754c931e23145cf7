import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChamberImageKind, ChamberProfile } from '@chamber/contracts';
import { CHAMBER_IMAGE_MAX_BYTES, CHAMBER_IMAGE_TYPES } from '@chamber/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { ApiException, badRequest, notFound } from '../common/errors';
import { imageFacts, pdfCanDraw } from './chamber-image-check';
import type { UpdateChamberProfileDto } from './dto/chamber.dto';
import { ChamberImage } from './entities/chamber-image.entity';
import { ChamberProfileRow } from './entities/chamber-profile.entity';

/** What certificates, badges and calendars draw: the profile and, when uploaded, the images. */
export interface ChamberIdentity {
  profile: ChamberProfile;
  logo: Buffer | null;
  seal: Buffer | null;
}

const MIN_SIDE = 32;
const MAX_SIDE = 4000;

function view(row: ChamberProfileRow, images: { kind: string; updatedAt: Date }[]): ChamberProfile {
  // the version in the URL lets browsers cache an image until it is replaced
  const url = (kind: ChamberImageKind) => {
    const image = images.find((i) => i.kind === kind);
    return image ? `/api/chamber/${kind}?v=${image.updatedAt.getTime()}` : null;
  };
  return {
    name: { ja: row.nameJa, en: row.nameEn },
    postalCode: row.postalCode,
    address: { ja: row.addressJa, en: row.addressEn },
    phone: row.phone,
    email: row.email,
    website: row.website,
    presidentTitle: { ja: row.presidentTitleJa, en: row.presidentTitleEn },
    presidentName: { ja: row.presidentNameJa, en: row.presidentNameEn },
    certificateDateStyle: row.certificateDateStyle,
    logoUrl: url('logo'),
    sealUrl: url('seal'),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The chamber's identity (admin settings), read by everything that names the chamber. */
@Injectable()
export class ChamberService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** GET /api/chamber */
  async profile(): Promise<ChamberProfile> {
    const row = await this.dataSource.getRepository(ChamberProfileRow).findOneByOrFail({ id: 1 });
    const images = await this.dataSource.getRepository(ChamberImage).find({ select: { kind: true, updatedAt: true } });
    return view(row, images);
  }

  /** The profile with the image bytes, for documents that draw them. */
  async identity(): Promise<ChamberIdentity> {
    const [profile, images] = await Promise.all([this.profile(), this.dataSource.getRepository(ChamberImage).find()]);
    const bytes = (kind: ChamberImageKind) => images.find((i) => i.kind === kind)?.bytes ?? null;
    return { profile, logo: bytes('logo'), seal: bytes('seal') };
  }

  /** PATCH /api/chamber (admin) */
  async update(dto: UpdateChamberProfileDto, user: AuthUser): Promise<ChamberProfile> {
    const set: Partial<ChamberProfileRow> = { updatedBy: user.id };
    const pair = (
      v: { ja?: string; en?: string } | undefined,
      ja: keyof ChamberProfileRow,
      en: keyof ChamberProfileRow,
    ) => {
      if (v?.ja !== undefined) Object.assign(set, { [ja]: v.ja });
      if (v?.en !== undefined) Object.assign(set, { [en]: v.en });
    };
    pair(dto.name, 'nameJa', 'nameEn');
    pair(dto.address, 'addressJa', 'addressEn');
    pair(dto.presidentTitle, 'presidentTitleJa', 'presidentTitleEn');
    pair(dto.presidentName, 'presidentNameJa', 'presidentNameEn');
    for (const key of ['postalCode', 'phone', 'email', 'website', 'certificateDateStyle'] as const) {
      if (dto[key] !== undefined) Object.assign(set, { [key]: dto[key] });
    }
    await this.dataSource.getRepository(ChamberProfileRow).update({ id: 1 }, set);
    return this.profile();
  }

  /** GET /api/chamber/:kind */
  async image(kind: ChamberImageKind): Promise<ChamberImage> {
    const image = await this.dataSource.getRepository(ChamberImage).findOneBy({ kind });
    if (!image) throw notFound('no_image');
    return image;
  }

  /**
   * PUT /api/chamber/:kind (admin): PNG or JPEG up to 1 MiB, 32–4000 px a side, its bytes agreeing
   * with its declared type, and decodable by the PDF library that draws it.
   */
  async saveImage(
    kind: ChamberImageKind,
    declaredType: string,
    body: unknown,
    user: AuthUser,
  ): Promise<ChamberProfile> {
    const type = declaredType.split(';')[0]!.trim().toLowerCase();
    if (!(CHAMBER_IMAGE_TYPES as readonly string[]).includes(type)) {
      throw new ApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported_type',
        {},
        { errors: [{ field: kind, key: 'unsupported_type.field' }] },
      );
    }
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    if (bytes.length > CHAMBER_IMAGE_MAX_BYTES) {
      throw badRequest(kind, 'validation.image_too_large');
    }
    const facts = imageFacts(bytes);
    if (!facts || facts.contentType !== type || !pdfCanDraw(bytes)) {
      throw badRequest(kind, 'validation.image_unreadable', { type });
    }
    const sides = [facts.width, facts.height];
    if (sides.some((s) => s < MIN_SIDE || s > MAX_SIDE)) {
      throw badRequest(kind, 'validation.image_size', { min: MIN_SIDE, max: MAX_SIDE });
    }
    await this.dataSource.transaction(async (m) => {
      await m
        .getRepository(ChamberImage)
        .save({ kind, contentType: type, bytes, width: facts.width, height: facts.height });
      await m.getRepository(ChamberProfileRow).update({ id: 1 }, { updatedBy: user.id });
    });
    return this.profile();
  }

  /** DELETE /api/chamber/:kind (admin) */
  async deleteImage(kind: ChamberImageKind, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(ChamberImage).delete({ kind });
      await m.getRepository(ChamberProfileRow).update({ id: 1 }, { updatedBy: user.id });
    });
  }
}
