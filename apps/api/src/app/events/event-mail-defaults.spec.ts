import { MAIL_TEMPLATE_VARIABLES } from '@chamber/contracts';
import { unknownVariables } from '@chamber/domain';
import { promotedMail, registrationCancelledMail, registrationMail } from './event-mails';
import { MAIL_TEMPLATE_DEFAULTS } from '../mail/mail-template-defaults';
import type { MailContent } from '../mail/mail-layout';
import { withTemplate } from '../mail/mail-renderers';

const event = {
  titleJa: '合同企業説明会',
  titleEn: 'Job fair',
  startsAt: '2027-01-20T05:00:00Z',
  endsAt: '2027-01-20T08:00:00Z',
  venue: '相模原市立産業会館',
};
const extras = {
  qrPng: Buffer.from('png'),
  ics: { filename: 'e.ics', contentType: 'text/calendar', content: Buffer.from('') },
};

describe('the default templates say what the renderers say', () => {
  const cases: [keyof typeof MAIL_TEMPLATE_DEFAULTS, (lang: 'ja' | 'en') => MailContent][] = [
    [
      'registration_confirmed',
      (l) => registrationMail(event, { name: '花子', status: 'registered', waitlistPosition: null }, extras, l),
    ],
    [
      'registration_waitlisted',
      (l) => registrationMail(event, { name: '花子', status: 'waitlisted', waitlistPosition: 4 }, {}, l),
    ],
    ['registration_promoted', (l) => promotedMail(event, { name: '花子' }, extras, l)],
    ['registration_cancelled', (l) => registrationCancelledMail(event, { name: '花子' }, l)],
  ];
  for (const [kind, make] of cases) {
    for (const lang of ['ja', 'en'] as const) {
      it(`${kind} ${lang}: the default template renders the same subject and paragraphs`, () => {
        const content = make(lang);
        const templated = withTemplate(content, MAIL_TEMPLATE_DEFAULTS[kind][lang], content.variables!);
        expect(templated.subject).toBe(content.subject);
        expect(templated.paragraphs).toEqual(content.paragraphs.filter(Boolean));
      });
    }
  }

  it('every default uses only its kind’s variables, and every renderer gives them all', () => {
    for (const [kind, langs] of Object.entries(MAIL_TEMPLATE_DEFAULTS)) {
      for (const t of Object.values(langs)) {
        const allowed = MAIL_TEMPLATE_VARIABLES[kind as keyof typeof MAIL_TEMPLATE_DEFAULTS];
        expect(unknownVariables(t.subject + t.body, allowed)).toEqual([]);
      }
    }
    for (const [kind, make] of cases)
      expect(Object.keys(make('ja').variables!).sort()).toEqual(
        expect.arrayContaining([...MAIL_TEMPLATE_VARIABLES[kind]].sort()),
      );
  });
});
