import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'stream';
import { DataSource } from 'typeorm';
import { ChamberService } from '../chamber/chamber.service';
import { conflict } from '../common/errors';
import { absoluteUrl } from '../common/public-url';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ChamberEvent } from './entities/event.entity';
import { unknownEvent } from './event-views';
import { posterPdf } from './poster-pdf';

/** The portal's page where students and the public sign up without an account. */
export const PUBLIC_SIGNUP_PAGE = '/public/events';

/** The public sign-up of students' and public events: its absolute address and a QR poster to print. */
@Injectable()
export class EventPosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly chamber: ChamberService,
  ) {}

  /** `https://portal.example.jp/public/events/<id>` (PUBLIC_BASE_URL); null for members-only events. */
  signupUrl(event: Pick<ChamberEvent, 'id' | 'audience'>): string | null {
    if (event.audience === 'members') return null;
    return absoluteUrl(this.config, `${PUBLIC_SIGNUP_PAGE}/${encodeURIComponent(event.id)}`);
  }

  /** GET /api/events/:id/poster.pdf (staff): students' and public events only (409 not_public). */
  async poster(id: string): Promise<{ filename: string; body: Readable }> {
    const event = await this.dataSource.getRepository(ChamberEvent).findOneBy({ id });
    if (!event) throw unknownEvent();
    const url = this.signupUrl(event);
    if (!url) {
      throw conflict('not_public');
    }
    return {
      filename: `poster-${event.id}.pdf`,
      body: posterPdf(
        {
          titleJa: event.titleJa,
          titleEn: event.titleEn,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          venue: event.venue,
          capacity: event.capacity,
          signupUrl: url,
        },
        await this.chamber.identity(),
      ),
    };
  }
}
