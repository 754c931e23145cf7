import { escapeHtml, layoutMail, MailContent, mailTimeRange } from './mail-layout';
import { redacted } from './mail-renderers';

const chamber = {
  nameJa: '相模原商工会議所',
  nameEn: 'Sagamihara Chamber of Commerce and Industry',
  postalCode: '252-0239',
  addressJa: '相模原市中央区中央3-12-3',
  addressEn: '3-12-3 Chuo, Chuo-ku, Sagamihara',
  phone: '042-753-8135',
  email: 'info@sagamihara-cci.example',
  website: '',
};

const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;';

const content = (name: string): MailContent => ({
  subject: `Registration confirmed: ${name}`,
  greeting: `Dear ${name},`,
  paragraphs: ['Line one\nline two'],
  facts: [{ label: 'Venue', value: name }],
  links: [
    { label: 'To cancel', url: 'https://portal.example/public/cancel?token=abc&x=1' },
    { label: 'Not a web link', url: 'javascript:alert(3)' },
  ],
  secrets: ['abc'],
});

describe('mail layout', () => {
  it('escapes every value in the HTML part: a name typed by a stranger stays text', () => {
    const mail = layoutMail(content(hostile), 'en', chamber);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toMatch(/href="javascript:/i);
    expect(mail.html).toContain(escapeHtml(hostile));
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;');
    // the text part keeps it as typed (it is plain text)
    expect(mail.text).toContain(`Dear ${hostile},`);
    // an href is escaped too, and only http(s) links become anchors
    expect(mail.html).toContain('<a href="https://portal.example/public/cancel?token=abc&amp;x=1">To cancel</a>');
    expect(mail.html).toContain('Not a web link: javascript:alert(3)');
    // no remote image, nothing fetched when opened
    expect(layoutMail(content('Taro'), 'en', chamber).html).not.toMatch(/<img|src=|url\(/i);
  });

  it('writes one language, signed by the chamber in that language, marked auto-generated', () => {
    const en = layoutMail(content('Taro'), 'en', chamber);
    expect(en.text).toContain('Sagamihara Chamber of Commerce and Industry');
    expect(en.text).toContain('252-0239 3-12-3 Chuo, Chuo-ku, Sagamihara');
    expect(en.text).toContain('TEL 042-753-8135');
    expect(en.text).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('Line one<br>line two');
    expect(en.headers).toEqual({ 'Auto-Submitted': 'auto-generated', 'Content-Language': 'en' });

    const ja = layoutMail({ subject: '件名', greeting: '相模 太郎 様', paragraphs: ['本文'] }, 'ja', chamber);
    expect(ja.text).toBe(
      '相模 太郎 様\n\n本文\n\n--\n相模原商工会議所\n〒252-0239 相模原市中央区中央3-12-3\nTEL 042-753-8135\n' +
        'info@sagamihara-cci.example\nこのメールは会員ポータルから自動で送信しています。\n',
    );
    expect(ja.text).not.toMatch(/Chamber|Dear/);
    expect(ja.html).toContain('<html lang="ja">');
    expect(ja.html).toContain('〒252-0239 相模原市中央区中央3-12-3');
    expect(ja.headers?.['Auto-Submitted']).toBe('auto-generated');
  });

  it('falls back to the Japanese name when no English one is set, and to a generic one without a profile', () => {
    expect(layoutMail(content('x'), 'en', { ...chamber, nameEn: '' }).text).toContain('相模原商工会議所');
    expect(layoutMail(content('x'), 'en', null).text).toContain('Chamber of Commerce');
  });

  it('hides the secrets in the HTML part as in the text (staff view)', () => {
    const shown = redacted(layoutMail(content('Taro'), 'en', chamber));
    expect(shown.text).toContain('token=••••');
    expect(shown.html).toContain('token=••••&amp;x=1');
    expect(shown.html).not.toContain('abc');
  });

  it('dates in Tokyo time, as each language writes them', () => {
    const start = new Date('2026-12-03T05:00:00Z');
    const end = new Date('2026-12-03T07:30:00Z');
    expect(mailTimeRange(start, end, 'ja')).toBe('2026年12月3日(木) 14:00 – 16:30');
    expect(mailTimeRange(start, end, 'en')).toBe('Thu, 3 December 2026 at 14:00 – 16:30 (JST)');
  });
});
