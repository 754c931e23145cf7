/** Pure rules of events and registrations: seats, registration window, outcomes, check-in codes. */
import type { EventKind, EventStatus, OutcomeType } from '@chamber/contracts';
import { OUTCOME_TYPES_BY_KIND } from '@chamber/contracts';
import { TOKYO_OFFSET_MS, tokyoDate } from './tokyo-time';

/**
 * How many of `requested` participants get a seat now, the rest joining the waitlist. While anyone
 * waits, newcomers queue behind them (a freed seat always goes to the first waitlisted).
 */
export function seatClaim(
  requested: number,
  capacity: number,
  taken: number,
  waitlisted: number,
): { seats: number; waitlisted: number } {
  const seats = waitlisted > 0 ? 0 : Math.max(0, Math.min(requested, capacity - taken));
  return { seats, waitlisted: requested - seats };
}

export type RegistrationWindowState = 'open' | 'not_open_yet' | 'closed' | 'cancelled';

export interface RegistrationWindow {
  status: EventStatus;
  registrationOpensAt: Date | string | null;
  registrationClosesAt: Date | string | null;
  /** registration closes at the end of the event when no closing time is set */
  endsAt: Date | string;
}

export function registrationWindowState(event: RegistrationWindow, now: Date = new Date()): RegistrationWindowState {
  if (event.status === 'cancelled') return 'cancelled';
  const t = now.getTime();
  if (event.registrationOpensAt && t < new Date(event.registrationOpensAt).getTime()) return 'not_open_yet';
  const closes = new Date(event.registrationClosesAt ?? event.endsAt).getTime();
  return t >= closes ? 'closed' : 'open';
}

export function outcomeTypesFor(kind: EventKind): readonly OutcomeType[] {
  return OUTCOME_TYPES_BY_KIND[kind] ?? [];
}

export function isOutcomeAllowed(kind: EventKind, type: string): type is OutcomeType {
  return (outcomeTypesFor(kind) as readonly string[]).includes(type);
}

/** The measure an outcome feeds. */
export function outcomeMeasure(type: OutcomeType): string {
  return `outcome:${type}`;
}

const TOKEN = /[A-Za-z0-9_-]{16,64}/g;

/**
 * The check-in token in what a scanner read: the bare token, or a link or label that ends with it
 * (whitespace and a trailing slash are tolerated). Null when nothing looks like a token.
 */
export function parseCheckInCode(scanned: string): string | null {
  const matches = scanned.trim().match(TOKEN);
  return matches?.length ? matches[matches.length - 1]! : null;
}

/**
 * The instant a list filter means: a calendar date (YYYY-MM-DD) is the start of that day in
 * Asia/Tokyo (`endOfDay`: the start of the next day); anything else is read as an ISO instant.
 */
export function tokyoInstant(value: string, endOfDay = false): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - TOKYO_OFFSET_MS;
    return new Date(endOfDay ? start + 24 * 60 * 60 * 1000 : start);
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

// Katakana → Hepburn, for documents printed where no Japanese font is available.
const DIGRAPHS: Record<string, string> = {
  キャ: 'kya',
  キュ: 'kyu',
  キョ: 'kyo',
  シャ: 'sha',
  シュ: 'shu',
  ショ: 'sho',
  シェ: 'she',
  チャ: 'cha',
  チュ: 'chu',
  チョ: 'cho',
  チェ: 'che',
  ニャ: 'nya',
  ニュ: 'nyu',
  ニョ: 'nyo',
  ヒャ: 'hya',
  ヒュ: 'hyu',
  ヒョ: 'hyo',
  ミャ: 'mya',
  ミュ: 'myu',
  ミョ: 'myo',
  リャ: 'rya',
  リュ: 'ryu',
  リョ: 'ryo',
  ギャ: 'gya',
  ギュ: 'gyu',
  ギョ: 'gyo',
  ジャ: 'ja',
  ジュ: 'ju',
  ジョ: 'jo',
  ジェ: 'je',
  ビャ: 'bya',
  ビュ: 'byu',
  ビョ: 'byo',
  ピャ: 'pya',
  ピュ: 'pyu',
  ピョ: 'pyo',
  ファ: 'fa',
  フィ: 'fi',
  フェ: 'fe',
  フォ: 'fo',
  ティ: 'ti',
  ディ: 'di',
  デュ: 'dyu',
  ウィ: 'wi',
  ウェ: 'we',
  ウォ: 'wo',
  ヴァ: 'va',
  ヴィ: 'vi',
  ヴェ: 've',
  ヴォ: 'vo',
};
const MONOGRAPHS: Record<string, string> = {
  ア: 'a',
  イ: 'i',
  ウ: 'u',
  エ: 'e',
  オ: 'o',
  カ: 'ka',
  キ: 'ki',
  ク: 'ku',
  ケ: 'ke',
  コ: 'ko',
  サ: 'sa',
  シ: 'shi',
  ス: 'su',
  セ: 'se',
  ソ: 'so',
  タ: 'ta',
  チ: 'chi',
  ツ: 'tsu',
  テ: 'te',
  ト: 'to',
  ナ: 'na',
  ニ: 'ni',
  ヌ: 'nu',
  ネ: 'ne',
  ノ: 'no',
  ハ: 'ha',
  ヒ: 'hi',
  フ: 'fu',
  ヘ: 'he',
  ホ: 'ho',
  マ: 'ma',
  ミ: 'mi',
  ム: 'mu',
  メ: 'me',
  モ: 'mo',
  ヤ: 'ya',
  ユ: 'yu',
  ヨ: 'yo',
  ラ: 'ra',
  リ: 'ri',
  ル: 'ru',
  レ: 're',
  ロ: 'ro',
  ワ: 'wa',
  ヰ: 'i',
  ヱ: 'e',
  ヲ: 'o',
  ン: 'n',
  ガ: 'ga',
  ギ: 'gi',
  グ: 'gu',
  ゲ: 'ge',
  ゴ: 'go',
  ザ: 'za',
  ジ: 'ji',
  ズ: 'zu',
  ゼ: 'ze',
  ゾ: 'zo',
  ダ: 'da',
  ヂ: 'ji',
  ヅ: 'zu',
  デ: 'de',
  ド: 'do',
  バ: 'ba',
  ビ: 'bi',
  ブ: 'bu',
  ベ: 'be',
  ボ: 'bo',
  パ: 'pa',
  ピ: 'pi',
  プ: 'pu',
  ペ: 'pe',
  ポ: 'po',
  ヴ: 'vu',
  ァ: 'a',
  ィ: 'i',
  ゥ: 'u',
  ェ: 'e',
  ォ: 'o',
  ャ: 'ya',
  ュ: 'yu',
  ョ: 'yo',
  ヮ: 'wa',
};

/** A katakana name in Hepburn romanisation, each word capitalised: ヤマダ タロウ → Yamada Tarou. */
export function katakanaToRomaji(kana: string): string {
  const out: string[] = [];
  let geminate = false;
  const chars = [...kana.normalize('NFKC')];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const pair = c + (chars[i + 1] ?? '');
    let syllable = DIGRAPHS[pair];
    if (syllable) i++;
    else syllable = MONOGRAPHS[c];
    if (c === 'ッ') {
      geminate = true;
      continue;
    }
    if (c === 'ー') {
      const prev = out[out.length - 1] ?? '';
      out.push(/[aiueo]$/.test(prev) ? prev.slice(-1) : '');
      continue;
    }
    if (syllable === undefined) {
      out.push(c === '・' ? ' ' : c);
      geminate = false;
      continue;
    }
    if (geminate) {
      syllable = (syllable.startsWith('ch') ? 't' : syllable[0]) + syllable;
      geminate = false;
    }
    // ン before a vowel or y is written n' so that the reading stays unambiguous
    if (out.length && out[out.length - 1] === 'n' && c !== 'ン' && /^[aiueoy]/.test(syllable)) out.push("'");
    out.push(syllable);
  }
  return out
    .join('')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * A check-in is early while the event's day (Asia/Tokyo) is still ahead: staff pressing 受付 on a
 * January job fair in December is a slip unless they confirm it. Later the same day is not early.
 */
export function isEarlyCheckIn(startsAt: Date | string, now: Date = new Date()): boolean {
  return tokyoDate(startsAt) > tokyoDate(now);
}
