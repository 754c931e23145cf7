import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { encode } from 'iconv-lite';
import type { RosterCsvEncoding, RosterEntry, RosterQuery } from '@chamber/contracts';
import { searchKey, tokyoDate } from '@chamber/domain';
import { PassThrough, pipeline, Readable, Transform } from 'stream';
import { StringDecoder } from 'string_decoder';
import { DataSource } from 'typeorm';
import { ChamberService } from '../chamber/chamber.service';
import { ChamberEvent } from './entities/event.entity';
import { unknownEvent } from './event-views';
import { isCp932Safe, toCp932Safe } from '../common/cp932';
import { exceljs } from '../common/lazy-modules';
import { badgesPdf } from './export/badges-pdf';
import { QueryCursor, RosterRow, rosterQuery } from './export/roster-cursor';
import { ROSTER_COLUMNS, ROSTER_HEADER_JA, rosterCells, rosterEntry, rosterXlsxCells } from './export/roster-format';
import { tableFilter, tableSheetOptions, XLSX_FORMATS, xlsxColumns } from '../common/xlsx';

/** A file being streamed: what the controller needs to answer with it. */
export interface RosterFile {
  filename: string;
  contentType: string;
  /** characters CP932 could not hold, replaced with 〓 (CSV in sjis) */
  replacedCharacters: number;
  body: Readable;
}

/** Rosters of an event: JSON for the staff page, CSV and Excel files streamed from a cursor. */
@Injectable()
export class RostersService {
  private readonly logger = new Logger('Rosters');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly chamber: ChamberService,
  ) {}

  async roster(eventId: string, q: RosterQuery): Promise<RosterEntry[]> {
    await this.event(eventId);
    const [sql, params] = rosterQuery(eventId, { status: q.status, q: q.q ? searchKey(q.q) : undefined });
    const rows = (await this.dataSource.query(sql, params)) as RosterRow[];
    return rows.map(rosterEntry);
  }

  /**
   * CSV that Japanese Excel opens as is: UTF-8 with a BOM, or CP932. In CP932 a first pass over the
   * same snapshot counts the characters to replace, so that the count can go in a header before
   * the body streams.
   */
  async csv(eventId: string, encoding: RosterCsvEncoding, status?: string): Promise<RosterFile> {
    const event = await this.event(eventId);
    const sjis = encoding === 'sjis';
    const [sql, params] = rosterQuery(eventId, { status });
    const cursor = await QueryCursor.open<RosterRow>(this.dataSource, sql, params, { scroll: sjis });
    let replacedCharacters = 0;
    try {
      if (sjis) {
        for await (const row of cursor.rows()) replacedCharacters += cp932SafeCells(rosterCells(row)).replaced;
        await cursor.rewind();
      }
    } catch (e) {
      await cursor.close();
      throw e;
    }
    async function* records(): AsyncGenerator<(string | number)[]> {
      try {
        yield ROSTER_HEADER_JA;
        for await (const row of cursor.rows()) {
          const cells = rosterCells(row);
          yield sjis ? cp932SafeCells(cells).cells : cells;
        }
      } finally {
        await cursor.close();
      }
    }
    const source = Readable.from(records());
    const csv = stringify({ bom: !sjis, record_delimiter: 'windows' });
    // pipeline, not pipe: an error anywhere destroys every stage (and so ends the response)
    const onDone = (err: Error | null) => {
      if (err && err.message !== 'Premature close') this.logger.warn(`roster CSV stream ended: ${err.message}`);
    };
    const body: Readable = sjis ? pipeline(source, csv, cp932Encoder(), onDone) : pipeline(source, csv, onDone);
    return {
      filename: this.filename(event, 'csv'),
      contentType: sjis ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=utf-8',
      replacedCharacters,
      body,
    };
  }

  /** The roster as an Excel workbook, written row by row by exceljs' streaming writer. */
  async xlsx(eventId: string, status?: string): Promise<RosterFile> {
    const event = await this.event(eventId);
    const [sql, params] = rosterQuery(eventId, { status });
    const cursor = await QueryCursor.open<RosterRow>(this.dataSource, sql, params);
    const out = new PassThrough();
    const workbook = new (exceljs().stream.xlsx.WorkbookWriter)({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('名簿', tableSheetOptions());
    sheet.autoFilter = tableFilter(ROSTER_COLUMNS);
    sheet.columns = xlsxColumns(ROSTER_COLUMNS, true);
    sheet.getRow(1).font = { bold: true };
    void (async () => {
      try {
        for await (const row of cursor.rows()) {
          if (out.destroyed) break;
          const added = sheet.addRow(rosterXlsxCells(row));
          ROSTER_COLUMNS.forEach((c, i) => {
            if (c.format) added.getCell(i + 1).numFmt = XLSX_FORMATS[c.format];
          });
          added.commit();
        }
        sheet.commit();
        await workbook.commit();
      } catch (e) {
        this.logger.error('roster workbook failed', e instanceof Error ? e.stack : String(e));
        out.destroy(e instanceof Error ? e : new Error(String(e)));
      } finally {
        await cursor.close();
      }
    })();
    return {
      filename: this.filename(event, 'xlsx'),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      replacedCharacters: 0,
      body: out,
    };
  }

  /**
   * 名札 (name badges) as an A4 PDF: the people expected at the door (registered or attended; one
   * status with `status`), in furigana order as a reception desk lays them out.
   */
  async badges(eventId: string, status?: string): Promise<RosterFile> {
    const event = await this.event(eventId);
    const [sql, params] = rosterQuery(eventId, { status });
    const rows = ((await this.dataSource.query(sql, params)) as RosterRow[]).filter((r) =>
      status ? true : r.status === 'registered' || r.status === 'attended',
    );
    const collator = new Intl.Collator('ja');
    rows.sort((a, b) => collator.compare(a.name_kana, b.name_kana) || collator.compare(a.name, b.name));
    const badges = rows.map((r) => ({ company: r.company ?? r.school ?? '', name: r.name, nameKana: r.name_kana }));
    return {
      filename: this.filename(event, 'pdf').replace(/^名簿_/, '名札_'),
      contentType: 'application/pdf',
      replacedCharacters: 0,
      body: badgesPdf(event, badges, await this.chamber.identity()),
    };
  }

  private async event(id: string): Promise<ChamberEvent> {
    const event = await this.dataSource.getRepository(ChamberEvent).findOneBy({ id });
    if (!event) throw unknownEvent();
    return event;
  }

  private filename(event: ChamberEvent, ext: string): string {
    const date = tokyoDate(event.startsAt);
    return `名簿_${date}_${event.titleJa}`.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 120) + `.${ext}`;
  }
}

/** UTF-8 text in, CP932 bytes out (the text was made CP932-safe cell by cell). */
function cp932Encoder(): Transform {
  const decoder = new StringDecoder('utf8');
  return new Transform({
    transform(chunk: Buffer | string, _enc, done) {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      done(null, encode(text, 'cp932'));
    },
    flush(done) {
      const rest = decoder.end();
      done(null, rest ? encode(rest, 'cp932') : undefined);
    },
  });
}

/** A row's cells made CP932-safe: one check for the whole row, cell by cell only when something must go. */
function cp932SafeCells(cells: (string | number)[]): { cells: (string | number)[]; replaced: number } {
  if (isCp932Safe(cells.join('\u0001'))) return { cells, replaced: 0 };
  let replaced = 0;
  const safe = cells.map((c) => {
    if (typeof c !== 'string') return c;
    const r = toCp932Safe(c);
    replaced += r.replaced;
    return r.text;
  });
  return { cells: safe, replaced };
}
