/** Seed of the Sagamihara chamber's FY2019–FY2021 mid-term action plan. Japanese text as in the source; English ours. */
export interface Text {
  ja: string;
  en: string;
}
/** One term of a KPI's sum. `measure` may end in ':*' (any measure with that prefix). `actionItemCode` '*' = counters of any action item; omitted = the KPI's own action item. */
export interface KpiTermSeed {
  measure: string;
  actionItemCode?: string;
  sign?: 1 | -1;
}
export type KpiKindSeed = 'cumulative' | 'per_fiscal_year' | 'ratio' | 'growth_vs_baseline' | 'level' | 'milestone';
export interface KpiSeed {
  code: string;
  label: Text;
  kind: KpiKindSeed;
  /** null when the source gives no numeric target. Ratios and growth as fractions (0.06 = 6 %); milestone target 1 (= done). */
  target: number | null;
  /** one of: persons, cases, companies, events, members, percent, status, count, visits, examinees */
  unit: string;
  /** for ratio: over the plan period to date ('plan') or the selected fiscal year ('fiscal_year') */
  window?: 'plan' | 'fiscal_year';
  numerator: KpiTermSeed[];
  denominator?: KpiTermSeed[];
  /** growth_vs_baseline only */
  baseline?: { previous: true } | { fiscalYear: number };
  /** what feeds it, in words */
  measureNote: Text;
}
export interface ActionItemSeed {
  code: string; // 'A1-1'
  title: Text; // the item's heading, e.g. 新規大卒及び中途採用者の人材確保支援
  plan2019: Text; // FY2019 action plan text (ja exactly as in the source, without the heading)
  plan2020: Text | null; // null when the source cell is blank
  target2021: Text; // FY2021 到達目標 text (ja exactly as in the source)
  division: Text; // e.g. { ja: '産業振興課', en: 'Industry Promotion Division' }
  kpis: KpiSeed[];
}
export interface ThemeSeed {
  code: string;
  name: Text;
  actionItems: ActionItemSeed[];
} // code 'A1'
export interface PillarSeed {
  code: string;
  name: Text;
  themes: ThemeSeed[];
} // code 'A'
export interface PlanSeed {
  name: Text;
  startFiscalYear: number;
  endFiscalYear: number;
  philosophy: Text;
  aims: Text[];
  policies: Text[];
  pillars: PillarSeed[];
}

export const PLAN_2019_2021: PlanSeed = {
  name: {
    ja: '相模原商工会議所 中期行動計画（改定版）2019〜2021年度',
    en: 'Sagamihara CCI Mid-term Action Plan (revised) FY2019–FY2021',
  },
  startFiscalYear: 2019,
  endFiscalYear: 2021,
  philosophy: {
    ja: '会員企業から信頼され役に立つ商工会議所',
    en: 'A chamber of commerce that member companies trust and find useful',
  },
  aims: [
    {
      ja: '地域経済における稼ぐ力の好循環を実現',
      en: 'Achieve a virtuous circle of earning power in the regional economy',
    },
    { ja: '会員の声を反映した満足度の向上', en: "Higher member satisfaction that reflects members' voices" },
  ],
  policies: [
    {
      ja: '会員の目線にたち、会員企業への感謝と思いやりの気持ちをもった事業運営',
      en: "Run our programmes from the members' point of view, with gratitude and consideration for member companies",
    },
    {
      ja: '国、県、市、日商、関係機関とさらなる協調・連携により、各機関との情報共有・横展開',
      en: 'Share information with, and spread good practice among, the national government, the prefecture, the city, the Japan Chamber of Commerce and Industry and related bodies through still closer cooperation',
    },
    { ja: 'より健全な財政運営による事業遂行', en: 'Carry out our programmes on a sounder financial footing' },
  ],
  pillars: [
    {
      code: 'A',
      name: { ja: '会員企業の繁栄のための重点事業', en: 'Priority programmes for the prosperity of member companies' },
      themes: [
        {
          code: 'A1',
          name: {
            ja: '人手不足への対応強化、多様な人材の活躍促進、円滑な事業承継推進',
            en: 'Stronger response to labour shortages, more opportunities for diverse talent, and smooth business succession',
          },
          actionItems: [
            {
              code: 'A1-1',
              title: {
                ja: '新規大卒及び中途採用者の人材確保支援',
                en: 'Support for recruiting new graduates and mid-career hires',
              },
              plan2019: {
                ja: '人材確保事業として合同就職説明会、中途採用戦略セミナー等を開催し、市内企業の採用活動支援を行う。また、雇用のミスマッチ等を防ぐために、ハローワークと連携し、高等学校教諭と情報交換会を実施する。',
                en: 'As recruitment programmes, hold joint job fairs, mid-career hiring strategy seminars and the like to support the hiring of companies in the city. To prevent employment mismatches, also hold information-exchange meetings with high-school teachers in cooperation with Hello Work (the public employment service).',
              },
              plan2020: null,
              target2021: {
                ja: '合同就職説明会は3年間合計で300名以上の学生の参加を目指し、その内6%以上の内定者を目標とする。',
                en: 'Aim for at least 300 students to attend the joint job fairs over the three years in total, with at least 6% of them receiving a job offer.',
              },
              division: { ja: '産業振興課', en: 'Industry Promotion Division' },
              kpis: [
                {
                  code: 'A1-1-students',
                  label: { ja: '合同就職説明会 学生参加者数', en: 'Students attending the joint job fairs' },
                  kind: 'cumulative',
                  target: 300,
                  unit: 'persons',
                  numerator: [{ measure: 'attendance' }],
                  measureNote: { ja: '合同就職説明会の受付(チェックイン)数', en: 'Check-ins at the joint job fairs' },
                },
                {
                  code: 'A1-1-offer-rate',
                  label: { ja: '内定者の割合', en: 'Share of attending students who receive a job offer' },
                  kind: 'ratio',
                  target: 0.06,
                  unit: 'percent',
                  window: 'plan',
                  numerator: [{ measure: 'outcome:job_offer' }],
                  denominator: [{ measure: 'attendance' }],
                  measureNote: {
                    ja: '内定の成果を記録した参加者数 ÷ 合同就職説明会の参加者数(計画期間累計)',
                    en: 'Attendees with a recorded job offer divided by job-fair attendance, over the plan period to date',
                  },
                },
              ],
            },
            {
              code: 'A1-2',
              title: { ja: '新入社員等育成支援事業', en: 'Training support for new employees' },
              plan2019: {
                ja: '新しく採用した従業員の早期戦力化、定着化を目的に新入社員研修を開催する。また、新入社員研修参加者等を対象としたフォローアップ研修を実施する。',
                en: 'Hold new-employee training so that new hires become productive early and stay. Also run follow-up training for those who attended the new-employee training and others.',
              },
              plan2020: null,
              target2021: {
                ja: '新入社員研修及びフォローアップ研修で3年間合計で400名以上の参加を目標とし、採用した人材の早期離職を防ぐ。',
                en: 'Aim for at least 400 participants in the new-employee and follow-up training over the three years in total, preventing new hires from leaving early.',
              },
              division: { ja: '産業振興課', en: 'Industry Promotion Division' },
              kpis: [
                {
                  code: 'A1-2-participants',
                  label: {
                    ja: '新入社員研修・フォローアップ研修 参加者数',
                    en: 'Participants in new-employee and follow-up training',
                  },
                  kind: 'cumulative',
                  target: 400,
                  unit: 'persons',
                  numerator: [{ measure: 'attendance' }],
                  measureNote: { ja: '研修の受付(チェックイン)数', en: 'Check-ins at the training sessions' },
                },
              ],
            },
            {
              code: 'A1-3',
              title: {
                ja: '中堅社員・初級管理職等育成支援事業',
                en: 'Training support for mid-level employees and junior managers',
              },
              plan2019: {
                ja: '初めて部下をもつ方等を対象とした中堅管理者研修を開催する。',
                en: 'Hold training for mid-level managers, aimed at people who have subordinates for the first time and others.',
              },
              plan2020: null,
              target2021: {
                ja: '3年間合計で90名以上の参加を目標とし、中堅人材の人材育成をはかる。',
                en: 'Aim for at least 90 participants over the three years in total, developing mid-level staff.',
              },
              division: { ja: '産業振興課', en: 'Industry Promotion Division' },
              kpis: [
                {
                  code: 'A1-3-participants',
                  label: { ja: '中堅管理者研修 参加者数', en: 'Participants in mid-level manager training' },
                  kind: 'cumulative',
                  target: 90,
                  unit: 'persons',
                  numerator: [{ measure: 'attendance' }],
                  measureNote: { ja: '研修の受付(チェックイン)数', en: 'Check-ins at the training sessions' },
                },
              ],
            },
            {
              code: 'A1-4',
              title: {
                ja: 'IOT、ロボット、AI等生産性向上に資する革新的技術の活用促進',
                en: 'Promoting innovative technologies that raise productivity, such as IoT, robots and AI',
              },
              plan2019: {
                ja: 'IOT、ロボット、AI等生産性向上に資する革新的技術の活用促進',
                en: 'Promote the use of innovative technologies that raise productivity, such as IoT, robots and AI',
              },
              plan2020: null,
              target2021: {
                ja: 'IT・IOT等導入アドバイザーなど専門家による相談体制の確立',
                en: 'Establish a consultation system staffed by experts such as IT/IoT adoption advisers',
              },
              division: { ja: '産業振興課', en: 'Industry Promotion Division' },
              kpis: [
                {
                  code: 'A1-4-advisers',
                  label: { ja: '専門家による相談体制の確立', en: 'Expert consultation system established' },
                  kind: 'milestone',
                  target: 1,
                  unit: 'status',
                  numerator: [{ measure: 'milestone' }],
                  measureNote: {
                    ja: '職員が入力する達成状況(未着手・進行中・完了)',
                    en: 'Status entered by staff (not started, in progress, done)',
                  },
                },
              ],
            },
            {
              code: 'A1-5',
              title: { ja: 'IOT、ロボット、AI導入支援', en: 'Support for adopting IoT, robots and AI' },
              plan2019: {
                ja: '少子高齢化の伸長や生産年齢人口が減少する中、人手不足対策としてIOT、ロボット、AI等の導入など生産効率の改善や新たなサービスの提供を支援する。',
                en: 'As the birth rate falls, the population ages and the working-age population shrinks, support better production efficiency and the provision of new services, such as through the adoption of IoT, robots and AI, as a response to labour shortages.',
              },
              plan2020: null,
              target2021: {
                ja: 'IT、IOT、AI導入支援の普及啓発のための各種支援事業の開催とともに、システムインテグレータ(sler)の支援・育成に努める (株)さがみはら産業創造センター連携)',
                en: 'Hold various programmes to spread awareness of support for adopting IT, IoT and AI, and work to support and develop system integrators (SIers) (in cooperation with Sagamihara Industry Creation Center Co., Ltd.)',
              },
              division: { ja: '産業振興課', en: 'Industry Promotion Division' },
              kpis: [
                {
                  code: 'A1-5-events',
                  label: { ja: 'IT・IoT・AI導入支援事業 開催数', en: 'IT, IoT and AI adoption support events held' },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'events',
                  numerator: [{ measure: 'events_held' }],
                  measureNote: { ja: '開催済みの事業数', en: 'Events of this item that were held' },
                },
              ],
            },
            {
              code: 'A1-6',
              title: {
                ja: '中小企業等の海外ビジネスに関する人材派遣を含む情報提供等',
                en: 'Information for SMEs on overseas business, including the dispatch of personnel',
              },
              plan2019: {
                ja: '中小企業等の海外ビジネスに関する人材派遣を含む情報提供等 (海外人材セミナー・説明会等)',
                en: 'Provide SMEs and others with information on overseas business, including the dispatch of personnel (seminars and briefings on foreign talent, etc.)',
              },
              plan2020: null,
              target2021: {
                ja: '中小企業の国際展開における諸課題や海外情勢等を整理・把握 外国人材の送り出し機関及び受入先企業へのヒアリングの実施 (産業振興財団・JITCO連携)',
                en: 'Identify and sort out the issues SMEs face in expanding internationally and the situation abroad; hold hearings with organisations that send foreign workers and with the companies that host them (in cooperation with the Industry Promotion Foundation and JITCO)',
              },
              division: { ja: '産業振興課', en: 'Industry Promotion Division' },
              kpis: [
                {
                  code: 'A1-6-hearings',
                  label: {
                    ja: '送り出し機関・受入企業ヒアリング数',
                    en: 'Hearings with sending organisations and host companies',
                  },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'count',
                  numerator: [{ measure: 'manual' }],
                  measureNote: { ja: '職員が入力するヒアリング件数', en: 'Hearings entered by staff' },
                },
              ],
            },
            {
              code: 'A1-7',
              title: { ja: '検定試験', en: 'Certification exams' },
              plan2019: {
                ja: '受験者前年対比1%増加／独立したHPの開設、書店受付の実施等による受験者への利便性向上。会報毎号に①検定情報の掲載、②検定パンフレットの募集期間前の同封等による事業周知の強化。',
                en: 'Increase examinees by 1% year on year / make applying more convenient for examinees by opening a dedicated website, accepting applications at bookshops and the like. Publicise the exams more widely by (1) carrying exam information in every issue of the newsletter and (2) enclosing exam leaflets before the application period, among other means.',
              },
              plan2020: null,
              target2021: { ja: '検定試験受験者数が2017年度比2%増', en: 'Number of examinees up 2% on FY2017' },
              division: { ja: '共済検定課', en: 'Mutual Aid & Certification Division' },
              kpis: [
                {
                  code: 'A1-7-yoy',
                  label: { ja: '検定受験者数 前年度比', en: 'Exam examinees, change on the previous year' },
                  kind: 'growth_vs_baseline',
                  target: 0.01,
                  unit: 'examinees',
                  numerator: [{ measure: 'exam_examinees', actionItemCode: '*' }],
                  baseline: { previous: true },
                  measureNote: {
                    ja: '受験した検定申込(合格・不合格)の数、前年度との比較',
                    en: 'Exam applications that sat the exam (passed or failed), compared with the previous fiscal year',
                  },
                },
                {
                  code: 'A1-7-vs-fy2017',
                  label: { ja: '検定受験者数 2017年度比', en: 'Exam examinees, change on FY2017' },
                  kind: 'growth_vs_baseline',
                  target: 0.02,
                  unit: 'examinees',
                  numerator: [{ measure: 'exam_examinees', actionItemCode: '*' }],
                  baseline: { fiscalYear: 2017 },
                  measureNote: {
                    ja: '受験した検定申込(合格・不合格)の数、職員が入力する2017年度の受験者数との比較',
                    en: 'Exam applications that sat the exam (passed or failed), compared with the FY2017 figure entered by staff',
                  },
                },
              ],
            },
            {
              code: 'A1-8',
              title: {
                ja: '経営者の事業承継に対する気づきの促進',
                en: "Raising business owners' awareness of business succession",
              },
              plan2019: {
                ja: '事業承継各種支援施策の周知、事業承継セミナーの開催、成功事例等の紹介 日商と連携した事業承継税制への働きかけ',
                en: 'Publicise the various business-succession support measures, hold business-succession seminars and present success stories and the like; lobby on the business-succession tax system together with the Japan Chamber of Commerce and Industry',
              },
              plan2020: null,
              target2021: {
                ja: '円滑な事業承継の促進と事業承継税制の活用促進',
                en: 'Promote smooth business succession and the use of the business-succession tax system',
              },
              division: { ja: '経営支援課', en: 'Management Support Division' },
              kpis: [
                {
                  code: 'A1-8-seminars',
                  label: { ja: '事業承継セミナー 開催数', en: 'Business-succession seminars held' },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'events',
                  numerator: [{ measure: 'events_held' }],
                  measureNote: { ja: '開催済みのセミナー数', en: 'Seminars of this item that were held' },
                },
              ],
            },
            {
              code: 'A1-9',
              title: { ja: '創業支援', en: 'Startup support' },
              plan2019: {
                ja: '創業セミナー・個別相談会の実施、起業家交流会の開催、各種創業支援施策周知',
                en: "Hold startup seminars and individual consultation sessions, host entrepreneurs' networking events, and publicise the various startup support measures",
              },
              plan2020: null,
              target2021: { ja: '創業支援 3年間で50名', en: 'Startup support: 50 people over the three years' },
              division: { ja: '経営支援課', en: 'Management Support Division' },
              kpis: [
                {
                  code: 'A1-9-founders',
                  label: { ja: '創業支援者数', en: 'Founders and would-be founders supported' },
                  kind: 'cumulative',
                  target: 50,
                  unit: 'persons',
                  numerator: [{ measure: 'attendance' }, { measure: 'consultations:startup', actionItemCode: '*' }],
                  measureNote: {
                    ja: '創業セミナー等の参加者数+創業相談の件数',
                    en: 'Attendance at startup seminars and the like, plus startup consultations',
                  },
                },
              ],
            },
            {
              code: 'A1-10',
              title: {
                ja: 'ISO9001内部監査員養成セミナー、ISO14001内部監査員養成セミナー',
                en: 'ISO 9001 and ISO 14001 internal auditor training seminars',
              },
              plan2019: {
                ja: 'ISO9001内部監査員養成セミナー、ISO14001内部監査員養成セミナー',
                en: 'ISO 9001 internal auditor training seminar and ISO 14001 internal auditor training seminar',
              },
              plan2020: null,
              target2021: {
                ja: 'セミナー参加者3年間で300人以上を目標とする',
                en: 'Aim for at least 300 seminar participants over the three years',
              },
              division: { ja: '産業振興課', en: 'Industry Promotion Division' },
              kpis: [
                {
                  code: 'A1-10-participants',
                  label: {
                    ja: 'ISO内部監査員養成セミナー 参加者数',
                    en: 'Participants in the ISO internal auditor seminars',
                  },
                  kind: 'cumulative',
                  target: 300,
                  unit: 'persons',
                  numerator: [{ measure: 'attendance' }],
                  measureNote: { ja: 'セミナーの受付(チェックイン)数', en: 'Check-ins at the seminars' },
                },
              ],
            },
          ],
        },
        {
          code: 'A2',
          name: {
            ja: '経営の下支えと事業環境の整備等',
            en: 'Underpinning management and improving the business environment',
          },
          actionItems: [
            {
              code: 'A2-1',
              title: {
                ja: '「人材育成」「IT活用」「販売促進」「営業力強化」「危機管理」等の講習会の開催',
                en: 'Workshops on human-resource development, IT use, sales promotion, sales capability, crisis management and more',
              },
              plan2019: {
                ja: '「人材育成」「IT活用」「販売促進」「営業力強化」「危機管理」等の講習会の開催 小規模事業者経営改善資金(マル経資金)の利用促進 年間推薦 100件 経営革新計画の作成支援(年間7件以上の承認) 中小企業BCP対策への支援 各種補助金の申請等支援・PR(小規模事業者持続化補助金、創業補助金、ものづくり補助金等) 各種相談会・ビジネス交流会及びビッグサイト等への展示会出展支援 企業の省エネルギー、節電対策への支援',
                en: 'Hold workshops on "human-resource development", "IT use", "sales promotion", "stronger sales capability", "crisis management" and more. Promote the use of the Small Business Management Improvement Fund (Marukei loans): 100 recommendations a year. Support the preparation of management innovation plans (at least 7 approved a year). Support SME business continuity planning (BCP). Support and publicise applications for subsidies (the small business sustainability subsidy, the startup subsidy, the monozukuri manufacturing subsidy, etc.). Support consultation sessions, business networking events and exhibiting at trade shows such as Tokyo Big Sight. Support companies\' energy-saving and power-saving measures.',
              },
              plan2020: null,
              target2021: {
                ja: '中小・小規模企業の持続的発展と生産性向上の実現 経営改善普及事業における経営指導件数 3年間で9000件',
                en: 'Sustainable development and higher productivity for small and medium-sized enterprises and small businesses; 9,000 management guidance cases under the management improvement programme over the three years',
              },
              division: { ja: '経営支援課', en: 'Management Support Division' },
              kpis: [
                {
                  code: 'A2-1-guidance',
                  label: { ja: '経営指導件数', en: 'Management guidance cases' },
                  kind: 'cumulative',
                  target: 9000,
                  unit: 'cases',
                  numerator: [{ measure: 'consultations:*', actionItemCode: '*' }],
                  measureNote: { ja: '全種類の相談記録の件数', en: 'Consultation log entries of every kind' },
                },
                {
                  code: 'A2-1-marukei',
                  label: { ja: 'マル経推薦件数', en: 'Marukei loan recommendations' },
                  kind: 'per_fiscal_year',
                  target: 100,
                  unit: 'cases',
                  numerator: [{ measure: 'consultations:marukei_recommendation', actionItemCode: '*' }],
                  measureNote: {
                    ja: 'マル経推薦の相談記録の件数',
                    en: 'Consultation log entries of kind Marukei recommendation',
                  },
                },
                {
                  code: 'A2-1-innovation',
                  label: { ja: '経営革新計画 承認件数', en: 'Management innovation plans approved' },
                  kind: 'per_fiscal_year',
                  target: 7,
                  unit: 'cases',
                  numerator: [{ measure: 'consultations:innovation_plan_approval', actionItemCode: '*' }],
                  measureNote: {
                    ja: '経営革新計画承認の相談記録の件数',
                    en: 'Consultation log entries of kind innovation-plan approval',
                  },
                },
              ],
            },
            {
              code: 'A2-2',
              title: {
                ja: '環境経営等に関する周知やセミナー・講習会の開催、身近な好事例の紹介等の情報発信',
                en: 'Information on environmental management: publicity, seminars, workshops and good local examples',
              },
              plan2019: {
                ja: '環境経営等に関する周知やセミナー・講習会の開催、身近な好事例の紹介等の情報発信',
                en: 'Publicise environmental management and related topics, hold seminars and workshops, and share information such as good examples close to home',
              },
              plan2020: null,
              target2021: {
                ja: '中小・小規模企業の経営改善や生産性向上への取組みの中に、省エネの視点も加味しながら進めることで経営課題の解決を支援する',
                en: 'Help SMEs and small businesses solve their management issues by bringing an energy-saving perspective into their efforts to improve management and productivity',
              },
              division: { ja: '経営支援課', en: 'Management Support Division' },
              kpis: [
                {
                  code: 'A2-2-events',
                  label: {
                    ja: '環境経営セミナー・講習会 開催数',
                    en: 'Environmental management seminars and workshops held',
                  },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'events',
                  numerator: [{ measure: 'events_held' }],
                  measureNote: { ja: '開催済みの事業数', en: 'Events of this item that were held' },
                },
              ],
            },
            {
              code: 'A2-3',
              title: {
                ja: '消費税軽減税率・価格転嫁対策の周知等の広報活動及びセミナー・講習会等の開催',
                en: 'Publicity, seminars and workshops on the reduced consumption-tax rate and on passing the tax on in prices',
              },
              plan2019: {
                ja: '消費税軽減税率・価格転嫁対策の周知等の広報活動及びセミナー・講習会等の開催 巡回訪問・窓口相談・専門家派遣等の実施',
                en: 'Publicise the reduced consumption-tax rate and measures for passing the tax on in prices, and hold seminars and workshops on them; make visits, give counter consultations, dispatch experts and the like',
              },
              plan2020: null,
              target2021: {
                ja: '消費税軽減税率制度の円滑な実施と消費税価格転嫁対策の移行支援',
                en: 'Smooth introduction of the reduced consumption-tax rate system, and support in the transition of the measures for passing consumption tax on in prices',
              },
              division: { ja: '経営支援課', en: 'Management Support Division' },
              kpis: [
                {
                  code: 'A2-3-events',
                  label: {
                    ja: '消費税軽減税率・価格転嫁対策セミナー・講習会 開催数',
                    en: 'Reduced consumption-tax rate and price pass-through seminars held',
                  },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'events',
                  numerator: [{ measure: 'events_held' }],
                  measureNote: { ja: '開催済みの事業数', en: 'Events of this item that were held' },
                },
              ],
            },
            {
              code: 'A2-4',
              title: {
                ja: 'キャッシュレス化社会にともなう中小企業への対応・支援',
                en: 'Helping SMEs respond to a cashless society',
              },
              plan2019: {
                ja: 'キャッシュレス化社会にともなう中小企業への対応・支援',
                en: 'Help and support SMEs in responding to the move to a cashless society',
              },
              plan2020: null,
              target2021: {
                ja: '小規模事業者等のキャッシュレス化による販売支援',
                en: 'Support small businesses and others in selling by going cashless',
              },
              division: { ja: '産業振興課', en: 'Industry Promotion Division' },
              kpis: [
                {
                  code: 'A2-4-events',
                  label: { ja: 'キャッシュレス化支援事業 開催数', en: 'Cashless payment support events held' },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'events',
                  numerator: [{ measure: 'events_held' }],
                  measureNote: { ja: '開催済みの事業数', en: 'Events of this item that were held' },
                },
              ],
            },
            {
              code: 'A2-5',
              title: {
                ja: '歳末売出事業等による商店街等販売促進支援の推進',
                en: 'Sales-promotion support for shopping streets through year-end sales campaigns and the like',
              },
              plan2019: {
                ja: '歳末売出事業等による商店街等販売促進支援の推進',
                en: 'Promote sales-promotion support for shopping streets and others through year-end sales campaigns and similar programmes',
              },
              plan2020: null,
              target2021: {
                ja: '商店街及び個店への販売促進のため各種支援事業を実施する',
                en: 'Run various support programmes to promote sales for shopping streets and individual shops',
              },
              division: { ja: '産業振興課', en: 'Industry Promotion Division' },
              kpis: [
                {
                  code: 'A2-5-events',
                  label: {
                    ja: '商店街等販売促進支援事業 開催数',
                    en: 'Sales-promotion events for shopping streets held',
                  },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'events',
                  numerator: [{ measure: 'events_held' }],
                  measureNote: { ja: '開催済みの事業数', en: 'Events of this item that were held' },
                },
              ],
            },
            {
              code: 'A2-6',
              title: {
                ja: '個人向け事業の支援強化(商業・サービス業・飲食宿泊業)',
                en: 'Stronger support for consumer-facing businesses (retail, services, food service and accommodation)',
              },
              plan2019: {
                ja: '個人向け事業の支援強化(商業・サービス業・飲食宿泊業)',
                en: 'Strengthen support for consumer-facing businesses (retail, services, food service and accommodation)',
              },
              plan2020: null,
              target2021: {
                ja: '繁盛店講座、お店大賞事業等による個社支援の強化',
                en: 'Stronger support for individual businesses through the Thriving Shop course, the Shop Awards and similar programmes',
              },
              division: {
                ja: '産業振興課・経営支援課',
                en: 'Industry Promotion Division & Management Support Division',
              },
              kpis: [
                {
                  code: 'A2-6-events',
                  label: {
                    ja: '繁盛店講座・お店大賞事業等 開催数',
                    en: 'Thriving Shop courses, Shop Awards and similar events held',
                  },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'events',
                  numerator: [{ measure: 'events_held' }],
                  measureNote: { ja: '開催済みの事業数', en: 'Events of this item that were held' },
                },
              ],
            },
            {
              code: 'A2-7',
              title: { ja: '働き方改革にかかる中小企業の対応・支援', en: 'Helping SMEs respond to work-style reform' },
              plan2019: {
                ja: '働き方改革にかかる中小企業の対応・支援',
                en: 'Help and support SMEs in responding to work-style reform',
              },
              plan2020: null,
              target2021: {
                ja: '「働き方改革」に係る労働法規の丁寧な周知、会報掲載や説明会等情報提供および個別相談会を実施するとともに、関係機関との連携を強化し、市内中小企業の「働き方改革」への取り組みを支援する。',
                en: 'Carefully publicise the labour laws relating to "work-style reform", provide information through the newsletter, briefings and the like, and hold individual consultation sessions; and, by working more closely with related bodies, support SMEs in the city in their work-style reform efforts.',
              },
              division: { ja: '共済検定課', en: 'Mutual Aid & Certification Division' },
              kpis: [
                {
                  code: 'A2-7-events',
                  label: {
                    ja: '働き方改革 説明会・個別相談会 開催数',
                    en: 'Work-style reform briefings and consultation sessions held',
                  },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'events',
                  numerator: [{ measure: 'events_held' }],
                  measureNote: { ja: '開催済みの事業数', en: 'Events of this item that were held' },
                },
              ],
            },
          ],
        },
        {
          code: 'A3',
          name: { ja: '経営発達支援事業', en: 'Management Development Support Programme' },
          actionItems: [
            {
              code: 'A3-1',
              title: { ja: '地域の経済動向調査', en: 'Surveys of regional economic trends' },
              plan2019: {
                ja: '年4回実施している景気観測調査や日商LOBO調査の他、行政区毎の地域経済動向や業界動向についてアンケート及びヒアリング調査をおこなう。また、小規模企業の人材確保の資料とするため、新たに採用動向や雇用環境についても調査を実施する',
                en: "In addition to the quarterly business-conditions survey and the JCCI LOBO survey, conduct questionnaire and interview surveys on regional economic trends in each ward and on industry trends. To provide material for small businesses' recruitment, also newly survey hiring trends and the employment environment",
              },
              plan2020: null,
              target2021: {
                ja: '各種調査結果を当所会報やホームページ等に公表し、小規模事業者へフィードバックするとともに、事業計画策定の際には、経営指針、販売戦略、販路開拓、商品開発等に利用できるように収集と分析の精度を高めていく。回収率の目標値は33.3%。',
                en: "Publish the survey results in the chamber's newsletter, on its website and elsewhere and feed them back to small businesses, while making the collection and analysis more accurate so that the results can be used for management policy, sales strategy, market development, product development and the like when business plans are drawn up. Target response rate: 33.3%.",
              },
              division: { ja: '共済検定課', en: 'Mutual Aid & Certification Division' },
              kpis: [
                {
                  code: 'A3-1-response-rate',
                  label: { ja: '調査回収率', en: 'Survey response rate' },
                  kind: 'ratio',
                  target: 0.333,
                  unit: 'percent',
                  window: 'fiscal_year',
                  numerator: [{ measure: 'manual:responses' }],
                  denominator: [{ measure: 'manual:sent' }],
                  measureNote: {
                    ja: '職員が入力する回収数 ÷ 発送数(年度)',
                    en: 'Responses divided by questionnaires sent, both entered by staff, in the fiscal year',
                  },
                },
              ],
            },
            {
              code: 'A3-2',
              title: { ja: '経営状況の分析', en: 'Analysis of business conditions' },
              plan2019: {
                ja: 'マルケイ融資や経営革新、小規模事業者持続化補助金等の相談指導や各種経営改善セミナー等の開催を通じて、小規模事業者の経営分析をおこなう。また、経営指導員による窓口・巡回相談及び専門家、市内支援機関等との連携により、各種経営分析を実施する。',
                en: 'Analyse the management of small businesses through guidance on Marukei loans, management innovation, the small business sustainability subsidy and the like, and through various management-improvement seminars. Also carry out various management analyses through counter and visiting consultations by management advisers and in cooperation with experts and support organisations in the city.',
              },
              plan2020: null,
              target2021: {
                ja: '小規模事業者にとって「どの商品が売れ筋で儲かっているか」、「お客さんの来店頻度や購入額」等をデータ管理に基づき利益を把握し、決してどんぶり勘定や、成り行きでの経営にならないよう小規模事業者の抱える経営上の課題をサポートする。経営分析事業所数:200社。',
                en: 'Help small businesses grasp their profits through data management, e.g. "which products sell well and make money" and "how often customers come and how much they spend", and support them with their management issues so that they never fall into rough-and-ready accounting or drift along without a plan. Businesses analysed: 200.',
              },
              division: { ja: '経営支援課', en: 'Management Support Division' },
              kpis: [
                {
                  code: 'A3-2-analysed',
                  label: { ja: '経営分析事業所数', en: 'Businesses analysed' },
                  kind: 'per_fiscal_year',
                  target: 200,
                  unit: 'companies',
                  numerator: [{ measure: 'distinct_members:analysis', actionItemCode: '*' }],
                  measureNote: {
                    ja: '年度内に経営分析の相談記録がある会員事業所の数',
                    en: 'Member companies with at least one management-analysis entry in the fiscal year',
                  },
                },
              ],
            },
            {
              code: 'A3-3',
              title: { ja: '事業計画策定支援', en: 'Support for drawing up business plans' },
              plan2019: {
                ja: '地域経済や需要の動向調査等の情報や経営分析結果を踏まえ、財務・営業力・人材等の経営課題を小規模事業者の現状にあったオーダーメイド型の計画策定支援をおこなう',
                en: "Drawing on information such as surveys of regional economic and demand trends and on the results of management analysis, give tailor-made support for drawing up plans that tackle management issues such as finance, sales capability and human resources, suited to each small business's current situation",
              },
              plan2020: null,
              target2021: {
                ja: '会社の方向性や販路拡大を着実に図るためには、事業計画書を作成することがもっとも重要であることを説く。また、重点経営分析先事業所に対して支援機関と連携し、経営分析をおこなうことにより自社の課題を抽出し、解決案を示す。事業計画策定事業所数:110社',
                en: "Explain that drawing up a business plan is the most important step in steadily setting a company's direction and expanding its sales channels. For businesses chosen for in-depth management analysis, carry out the analysis with support organisations to bring out each company's issues and propose solutions. Businesses with a business plan drawn up: 110",
              },
              division: { ja: '経営支援課', en: 'Management Support Division' },
              kpis: [
                {
                  code: 'A3-3-plans',
                  label: { ja: '事業計画策定事業所数', en: 'Businesses with a business plan drawn up' },
                  kind: 'per_fiscal_year',
                  target: 110,
                  unit: 'companies',
                  numerator: [{ measure: 'distinct_members:business_plan', actionItemCode: '*' }],
                  measureNote: {
                    ja: '年度内に事業計画策定の相談記録がある会員事業所の数',
                    en: 'Member companies with at least one business-plan entry in the fiscal year',
                  },
                },
              ],
            },
            {
              code: 'A3-4',
              title: { ja: '事業計画策定後の実施支援', en: 'Support in carrying out business plans once drawn up' },
              plan2019: {
                ja: '小規模事業者の持続的経営の発展のため、PDCAのサイクルを基本として定期的な経営支援に取り組む。また、専門家とも連携し、進捗状況の確認をおこない事業計画の確実な実行支援をおこなう',
                en: 'For the sustainable development of small businesses, give regular management support based on the PDCA cycle. Also, together with experts, check progress and support the reliable execution of business plans',
              },
              plan2020: null,
              target2021: {
                ja: '経営指導員や専門家と連携しておこなうフォローアップを四半期に1度以上を目標に巡回訪問を実施し、進捗状況の確認をおこなう。同時に改善策を一緒に考え、各種施策の活用やマッチング機会の提供や課題に応じた必要な支援をおこなう。フォローアップ事業所数:210社(内 創業者50社)',
                en: 'Make follow-up visits together with management advisers and experts, aiming for at least one a quarter, to check progress. At the same time, work out improvements together and give the support each issue needs, such as using the various support measures and providing matching opportunities. Businesses followed up: 210 (of which founders: 50)',
              },
              division: { ja: '経営支援課', en: 'Management Support Division' },
              kpis: [
                {
                  code: 'A3-4-follow-up',
                  label: { ja: 'フォローアップ事業所数', en: 'Businesses followed up' },
                  kind: 'per_fiscal_year',
                  target: 210,
                  unit: 'companies',
                  numerator: [{ measure: 'distinct_members:follow_up', actionItemCode: '*' }],
                  measureNote: {
                    ja: '年度内にフォローアップの相談記録がある会員事業所の数',
                    en: 'Member companies with at least one follow-up entry in the fiscal year',
                  },
                },
                {
                  code: 'A3-4-founders',
                  label: { ja: 'うち創業者', en: 'Of which founders' },
                  kind: 'per_fiscal_year',
                  target: 50,
                  unit: 'companies',
                  numerator: [{ measure: 'distinct_members:follow_up:founder', actionItemCode: '*' }],
                  measureNote: {
                    ja: '上記のうち創業者として登録された会員事業所の数',
                    en: 'Of those, member companies flagged as founders',
                  },
                },
              ],
            },
            {
              code: 'A3-5',
              title: { ja: '新たな需要の開拓に寄与する事業', en: 'Programmes that help develop new demand' },
              plan2019: {
                ja: '受発注商談会、広域的なビジネス交流会の開催、士業団体と会員・業種団体とのビジネス交流会、女性経営者等のビジネス交流会、地元金融機関と連携したフードビジネス商談会、ロボット産業活性化のためビックサイトへの出展支援等の事業を実施し、新たな取引先の確保とビジネスチャンスの拡大につなげていく場を提供する。',
                en: 'Hold procurement and order-matching fairs, wide-area business networking events, networking events between professional associations and members or industry associations, networking events for women business owners and others, and a food-business matching fair with local financial institutions, and support exhibiting at Tokyo Big Sight to stimulate the robot industry, among other programmes, providing opportunities to win new business partners and widen business opportunities.',
              },
              plan2020: null,
              target2021: {
                ja: '年間10回以上の商談会やビジネス交流会を開催し、参加者数 350名以上を目指す。',
                en: 'Hold at least 10 business-matching fairs and networking events a year, aiming for at least 350 participants.',
              },
              division: {
                ja: '経営支援課・産業振興課',
                en: 'Management Support Division & Industry Promotion Division',
              },
              kpis: [
                {
                  code: 'A3-5-events',
                  label: { ja: '商談会・交流会 開催数', en: 'Business-matching fairs and networking events held' },
                  kind: 'per_fiscal_year',
                  target: 10,
                  unit: 'events',
                  numerator: [{ measure: 'events_held' }],
                  measureNote: {
                    ja: '開催済みの商談会・交流会の数',
                    en: 'Fairs and networking events of this item that were held',
                  },
                },
                {
                  code: 'A3-5-participants',
                  label: {
                    ja: '商談会・交流会 参加者数',
                    en: 'Participants in business-matching fairs and networking events',
                  },
                  kind: 'per_fiscal_year',
                  target: 350,
                  unit: 'persons',
                  numerator: [{ measure: 'attendance' }],
                  measureNote: {
                    ja: '商談会・交流会の受付(チェックイン)数',
                    en: 'Check-ins at the fairs and networking events',
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      code: 'B',
      name: { ja: '相模原市発展のための重点事業', en: 'Priority programmes for the development of Sagamihara City' },
      themes: [
        {
          code: 'B1',
          name: {
            ja: '相模原市の競争力の強化にむけて、都市機能・魅力の向上の着実な実施等についての要望活動・事業展開',
            en: "Advocacy and programmes for the steady improvement of Sagamihara's urban functions and appeal, towards a more competitive city",
          },
          actionItems: [
            {
              code: 'B1-1',
              title: {
                ja: '相模原市の競争力の強化にむけて、都市機能・魅力の向上の着実な実施等についての要望活動・事業展開',
                en: "Advocacy and programmes for the steady improvement of Sagamihara's urban functions and appeal, towards a more competitive city",
              },
              plan2019: {
                ja: '・まちづくりへの積極的な政策提言活動の実施 ・経済自立度向上のための意見・要望活動の実施 ・広域的な交流をささえる交通網の整備促進と要望活動 ・産業用地創出等にむけた拠点整備の促進 (麻溝台・新磯野地区、金原串川地区、川尻大島界地区) ・公共事業等に対する市内企業への優先発注 ・2018ラグビーワールドカップ、2020東京オリンピック・パラリンピック活動への支援・協力 ・PPP(官民連携)／PFI導入にむけた支援 ・「ロボットビジネスの聖地 相模原」のPR推進 ・観光振興(インバウンド)や観光名産品等シティプロモーションにつながる事業の推進等 (市商連等連携) ・地盤の強さをアピールした企業誘致の推進、市と連携したシティセールス事業の推進 (STEP50の活用、業務系企業誘致) ・外国企業誘致にむけた海外商工会議所等へのPR ・役員等による旧津久井地域4商工会との連携・交流等 ・商工会との合併をめざした取組み ・相模原市との意見交換会の実施',
                en: '・Active policy proposals on urban development ・Opinions and requests for greater economic self-reliance ・Promotion of, and requests for, transport networks that support wide-area exchange ・Promotion of hub development to create industrial land and the like (Asamizodai/Shin-Isono area, Kanahara/Kushikawa area, Kawashiri/Oshima border area) ・Priority ordering of public works and the like from companies in the city ・Support for and cooperation with the 2018 Rugby World Cup and the Tokyo 2020 Olympic and Paralympic Games ・Support for introducing PPP (public-private partnership) / PFI ・Promotion of "Sagamihara, the mecca of robot business" ・Programmes that feed city promotion, such as tourism (inbound) and local specialities (in cooperation with the city federation of shopping-street associations and others) ・Attracting companies by highlighting the firm ground, and city sales programmes with the city (using STEP50; attracting office-based companies) ・Promotion to overseas chambers of commerce and others to attract foreign companies ・Cooperation and exchanges, led by officers and others, with the four commerce associations of the former Tsukui area ・Efforts toward a merger with the commerce associations ・Meetings to exchange views with Sagamihara City',
              },
              plan2020: null,
              target2021: {
                ja: '相模原市をはじめ他の経済団体や関係機関と連携した意見活動の実施と事業展開をはかるとともに、まちのブランド力の強化を図る。(市内経済の活性化を含めた2027「相模原のまち開き」への礎も築く。)',
                en: 'Carry out advocacy and develop programmes in cooperation with Sagamihara City, other economic organisations and related bodies, and strengthen the city\'s brand. (Also lay the foundations for the 2027 "opening of Sagamihara", including revitalising the city\'s economy.)',
              },
              division: { ja: '全課', en: 'All divisions' },
              kpis: [
                {
                  code: 'B1-1-activities',
                  label: {
                    ja: '要望・意見活動、意見交換会 件数',
                    en: 'Requests, policy proposals and exchanges of views',
                  },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'count',
                  numerator: [{ measure: 'manual' }],
                  measureNote: {
                    ja: '職員が入力する要望・意見活動及び意見交換会の件数',
                    en: 'Requests, proposals and exchange meetings entered by staff',
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      code: 'C',
      name: { ja: '商工会議所の活動強化', en: "Strengthening the chamber's activities" },
      themes: [
        {
          code: 'C1',
          name: {
            ja: '会員組織率の向上、財政の健全化、事務局組織の強化',
            en: 'A higher membership rate, sound finances and a stronger secretariat',
          },
          actionItems: [
            {
              code: 'C1-1',
              title: {
                ja: '「会員新春の集い」「会員大会」「区別懇談会」の実施',
                en: "Members' New Year gathering, members' convention and ward meetings",
              },
              plan2019: {
                ja: '「会員新春の集い」「会員大会」「区別懇談会」の実施',
                en: "Hold the members' New Year gathering, the members' convention and the ward meetings",
              },
              plan2020: null,
              target2021: {
                ja: '会場キャパ等を考慮しつつ、対象者の1/3以上を目標。',
                en: 'Aim for attendance of at least one third of those invited, taking venue capacity and the like into account.',
              },
              division: { ja: '総務課', en: 'General Affairs Division' },
              kpis: [
                {
                  code: 'C1-1-attendance',
                  label: { ja: '会員大会等 出席率', en: "Attendance rate at members' gatherings" },
                  kind: 'ratio',
                  target: 1 / 3,
                  unit: 'percent',
                  window: 'fiscal_year',
                  numerator: [{ measure: 'attendance' }],
                  denominator: [{ measure: 'invited' }],
                  measureNote: {
                    ja: '出席(チェックイン)数 ÷ 案内数(年度)',
                    en: 'Check-ins divided by the number invited, in the fiscal year',
                  },
                },
              ],
            },
            {
              code: 'C1-2',
              title: {
                ja: '役員議員懇談会・先進商工会議所視察会の開催',
                en: "Officers' and board members' meetings and study visits to leading chambers",
              },
              plan2019: {
                ja: '役員議員懇談会・先進商工会議所視察会の開催',
                en: 'Hold meetings of officers and board members, and study visits to leading chambers of commerce',
              },
              plan2020: null,
              target2021: {
                ja: '会場キャパ等を考慮しつつ、対象者の1/3以上を目標。',
                en: 'Aim for attendance of at least one third of those invited, taking venue capacity and the like into account.',
              },
              division: { ja: '総務課', en: 'General Affairs Division' },
              kpis: [
                {
                  code: 'C1-2-meetings',
                  label: {
                    ja: '役員議員懇談会・視察会 開催数',
                    en: "Officers' and board members' meetings and study visits held",
                  },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'events',
                  numerator: [{ measure: 'events_held' }],
                  measureNote: {
                    ja: '開催済みの懇談会・視察会の数',
                    en: 'Meetings and study visits of this item that were held',
                  },
                },
              ],
            },
            {
              code: 'C1-3',
              title: {
                ja: '会員企業の巡回(事業参加がない企業訪問)',
                en: 'Visits to member companies (those that take part in no programme)',
              },
              plan2019: {
                ja: '会員企業の巡回(事業参加がない企業訪問)',
                en: 'Visit member companies (companies that take part in no programme)',
              },
              plan2020: null,
              target2021: { ja: '', en: '' },
              division: { ja: '全課', en: 'All divisions' },
              kpis: [
                {
                  code: 'C1-3-visits',
                  label: { ja: '巡回訪問企業数', en: 'Member companies visited' },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'companies',
                  numerator: [{ measure: 'distinct_members:visit' }],
                  measureNote: {
                    ja: '年度内に巡回訪問の記録がある会員企業の数',
                    en: 'Member companies with at least one visit recorded in the fiscal year',
                  },
                },
              ],
            },
            {
              code: 'C1-4',
              title: {
                ja: '現場主義・双方向主義を体現する事務局運営',
                en: 'A secretariat run in a hands-on, two-way manner',
              },
              plan2019: {
                ja: '現場主義・双方向主義を体現する事務局運営。会議所利用の促進。',
                en: 'Run the secretariat in a hands-on, two-way manner. Encourage use of the chamber.',
              },
              plan2020: null,
              target2021: {
                ja: '会員の声をうけいれるための目安箱等のさらなる啓発 計画的な事業運営、コンプライアンスの確保、課題解決型組織への再編、働き方改革への対応、職員の資質向上',
                en: "Further promote the suggestion box and other ways of taking in members' voices; planned operations, compliance, reorganisation into a problem-solving organisation, response to work-style reform, and better staff skills",
              },
              division: { ja: '全課', en: 'All divisions' },
              kpis: [
                {
                  code: 'C1-4-answer-rate',
                  label: { ja: '目安箱 回答率', en: 'Suggestion box answer rate' },
                  kind: 'ratio',
                  target: null,
                  unit: 'percent',
                  window: 'fiscal_year',
                  numerator: [{ measure: 'suggestions_answered' }],
                  denominator: [{ measure: 'suggestions_received' }],
                  measureNote: {
                    ja: '回答した提案数 ÷ 受け付けた提案数(年度)',
                    en: 'Suggestions answered divided by suggestions received, in the fiscal year',
                  },
                },
              ],
            },
            {
              code: 'C1-5',
              title: {
                ja: '事務局組織の体制強化(先進商工会議所への職員出向)・職員の資質向上',
                en: 'Strengthening the secretariat (staff secondments to leading chambers) and improving staff skills',
              },
              plan2019: {
                ja: '事務局組織の体制強化(先進商工会議所への職員出向)・職員の資質向上',
                en: 'Strengthen the secretariat (second staff to leading chambers of commerce) and improve staff skills',
              },
              plan2020: null,
              target2021: {
                ja: '会員の声をうけいれるための目安箱等のさらなる啓発 計画的な事業運営、コンプライアンスの確保、課題解決型組織への再編、働き方改革への対応、職員の資質向上',
                en: "Further promote the suggestion box and other ways of taking in members' voices; planned operations, compliance, reorganisation into a problem-solving organisation, response to work-style reform, and better staff skills",
              },
              division: { ja: '全課', en: 'All divisions' },
              kpis: [
                {
                  code: 'C1-5-milestone',
                  label: { ja: '事務局組織の体制強化 達成状況', en: 'Secretariat strengthening: status' },
                  kind: 'milestone',
                  target: 1,
                  unit: 'status',
                  numerator: [{ measure: 'milestone' }],
                  measureNote: {
                    ja: '職員が入力する達成状況(未着手・進行中・完了)',
                    en: 'Status entered by staff (not started, in progress, done)',
                  },
                },
              ],
            },
            {
              code: 'C1-6',
              title: { ja: '既存事業の評価と見直し(PDCA)', en: 'Evaluating and reviewing existing programmes (PDCA)' },
              plan2019: { ja: '既存事業の評価と見直し(PDCA)', en: 'Evaluate and review existing programmes (PDCA)' },
              plan2020: null,
              target2021: { ja: '事業のスクラップアンドビルド', en: 'Scrap and build programmes' },
              division: { ja: '全課', en: 'All divisions' },
              kpis: [
                {
                  code: 'C1-6-milestone',
                  label: {
                    ja: '既存事業の評価と見直し 達成状況',
                    en: 'Evaluation and review of existing programmes: status',
                  },
                  kind: 'milestone',
                  target: 1,
                  unit: 'status',
                  numerator: [{ measure: 'milestone' }],
                  measureNote: {
                    ja: '職員が入力する達成状況(未着手・進行中・完了)',
                    en: 'Status entered by staff (not started, in progress, done)',
                  },
                },
              ],
            },
            {
              code: 'C1-7',
              title: {
                ja: '広報活動の拡充強化(会議所会報、市民版、WEBサイト)',
                en: "Expanding and strengthening publicity (chamber newsletter, citizens' edition, website)",
              },
              plan2019: {
                ja: '広報活動の拡充強化(会議所会報、市民版、WEBサイト)',
                en: "Expand and strengthen publicity (chamber newsletter, citizens' edition, website)",
              },
              plan2020: null,
              target2021: {
                ja: 'WEBサイトアクセス数増加等による情報発信を強化し商工会議所活動の認知度向上。(HPデザインをビジュアルにし検索機能強化。スマートフォン対応システムの導入)。',
                en: "Raise awareness of the chamber's activities by communicating more strongly, e.g. through more website visits (a more visual website design with better search; a smartphone-ready system).",
              },
              division: { ja: '総務課', en: 'General Affairs Division' },
              kpis: [
                {
                  code: 'C1-7-web-visits',
                  label: { ja: 'Webサイトアクセス数', en: 'Website visits' },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'visits',
                  numerator: [{ measure: 'manual' }],
                  measureNote: { ja: '職員が入力するWebサイトのアクセス数', en: 'Website visits entered by staff' },
                },
              ],
            },
            {
              code: 'C1-8',
              title: {
                ja: '各種団体(相模原市、相模原市産業振興財団、SIC、観光協会、関東商工会議所管内商工会議所等)との連携強化',
                en: 'Closer cooperation with other organisations (Sagamihara City, the Sagamihara Industry Promotion Foundation, SIC, the tourism association, the chambers of the Kanto federation, etc.)',
              },
              plan2019: {
                ja: '各種団体(相模原市、相模原市産業振興財団、SIC、観光協会、関東商工会議所管内商工会議所等)との連携強化',
                en: 'Work more closely with other organisations (Sagamihara City, the Sagamihara Industry Promotion Foundation, SIC, the tourism association, the chambers of commerce of the Kanto federation, etc.)',
              },
              plan2020: null,
              target2021: {
                ja: '他の経済団体をはじめ関係機関と連携した事業の推進',
                en: 'Programmes run together with other economic organisations and related bodies',
              },
              division: { ja: '中小企業振興部', en: 'SME Promotion Department' },
              kpis: [
                {
                  code: 'C1-8-joint',
                  label: { ja: '関係機関との連携事業数', en: 'Programmes run with related bodies' },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'count',
                  numerator: [{ measure: 'manual' }],
                  measureNote: { ja: '職員が入力する連携事業の件数', en: 'Joint programmes entered by staff' },
                },
              ],
            },
            {
              code: 'C1-9',
              title: {
                ja: '入会キャンペーンの強化(入会協力御礼及び表彰制度の創設)',
                en: 'A stronger membership campaign (thanks for help in recruiting, and a new award scheme)',
              },
              plan2019: {
                ja: '入会キャンペーンの強化(入会協力御礼及び表彰制度の創設)',
                en: 'Strengthen the membership campaign (thank those who help recruit members and create an award scheme)',
              },
              plan2020: null,
              target2021: {
                ja: '創立50周年、5000会員を目指した会員拡大。 パンフレットのリニューアル。 役員・議員と事務局等のネットワークを強化し、新規会員を3年間で700社増強及び表彰制度の実施。',
                en: 'Grow membership toward 5,000 members by the 50th anniversary. Renew the brochure. Strengthen the network between officers, board members and the secretariat, add 700 new member companies over the three years, and run the award scheme.',
              },
              division: { ja: '総務部', en: 'General Affairs Department' },
              kpis: [
                {
                  code: 'C1-9-members',
                  label: { ja: '会員数', en: 'Members' },
                  kind: 'level',
                  target: 5000,
                  unit: 'members',
                  numerator: [
                    { measure: 'opening_balance' },
                    { measure: 'members_joined', actionItemCode: '*' },
                    { measure: 'members_left', actionItemCode: '*', sign: -1 },
                  ],
                  measureNote: {
                    ja: '期首会員数(職員入力)+入会数−退会数',
                    en: 'Opening balance entered by staff, plus members joined, minus members left',
                  },
                },
                {
                  code: 'C1-9-new-members',
                  label: { ja: '新規会員数', en: 'New members' },
                  kind: 'cumulative',
                  target: 700,
                  unit: 'members',
                  numerator: [{ measure: 'members_joined', actionItemCode: '*' }],
                  measureNote: { ja: '入会数(計画期間累計)', en: 'Members joined over the plan period to date' },
                },
              ],
            },
            {
              code: 'C1-10',
              title: { ja: '更なる市内大手企業との連携', en: 'Closer cooperation with large companies in the city' },
              plan2019: {
                ja: '更なる市内大手企業との連携',
                en: 'Work even more closely with large companies in the city',
              },
              plan2020: null,
              target2021: {
                ja: '創立50周年、5000会員を目指した会員拡大。 パンフレットのリニューアル。 役員・議員と事務局等のネットワークを強化し、新規会員を3年間で700社増強及び表彰制度の実施。',
                en: 'Grow membership toward 5,000 members by the 50th anniversary. Renew the brochure. Strengthen the network between officers, board members and the secretariat, add 700 new member companies over the three years, and run the award scheme.',
              },
              division: { ja: '全課', en: 'All divisions' },
              kpis: [
                {
                  code: 'C1-10-milestone',
                  label: {
                    ja: '市内大手企業との連携 達成状況',
                    en: 'Cooperation with large companies in the city: status',
                  },
                  kind: 'milestone',
                  target: 1,
                  unit: 'status',
                  numerator: [{ measure: 'milestone' }],
                  measureNote: {
                    ja: '職員が入力する達成状況(未着手・進行中・完了)',
                    en: 'Status entered by staff (not started, in progress, done)',
                  },
                },
              ],
            },
            {
              code: 'C1-11',
              title: {
                ja: '福利厚生活動の充実(生命共済／経営リスクに対する備えとして共済制度PR.加入促進／新保険商品のPR)',
                en: 'Better welfare programmes (life mutual aid; mutual-aid schemes against business risks; new insurance products)',
              },
              plan2019: {
                ja: '福利厚生活動の充実(生命共済／経営リスクに対する備えとして共済制度PR.加入促進／新保険商品のPR)',
                en: 'Enhance welfare programmes (life mutual aid / promote the mutual-aid schemes as a safeguard against business risks and encourage enrolment / promote new insurance products)',
              },
              plan2020: null,
              target2021: { ja: '収益事業の推進及び拡充', en: 'Promote and expand revenue-generating programmes' },
              division: { ja: '共済検定課', en: 'Mutual Aid & Certification Division' },
              kpis: [
                {
                  code: 'C1-11-enrolments',
                  label: { ja: '共済加入件数', en: 'Mutual-aid enrolments' },
                  kind: 'per_fiscal_year',
                  target: null,
                  unit: 'cases',
                  numerator: [{ measure: 'manual' }],
                  measureNote: { ja: '職員が入力する共済の加入件数', en: 'Enrolments entered by staff' },
                },
              ],
            },
            {
              code: 'C1-12',
              title: { ja: '自主財源の確保(定額積立を行う)', en: 'Securing own revenue (fixed regular reserve)' },
              plan2019: {
                ja: '自主財源の確保(定額積立を行う)',
                en: 'Secure own revenue (build a fixed reserve regularly)',
              },
              plan2020: null,
              target2021: {
                ja: '基本財産の積み増しによる安定的な事業運営。',
                en: 'Stable operations by building up the endowment.',
              },
              division: { ja: '総務課', en: 'General Affairs Division' },
              kpis: [
                {
                  code: 'C1-12-milestone',
                  label: { ja: '自主財源の確保 達成状況', en: 'Own revenue (fixed reserve): status' },
                  kind: 'milestone',
                  target: 1,
                  unit: 'status',
                  numerator: [{ measure: 'milestone' }],
                  measureNote: {
                    ja: '職員が入力する達成状況(未着手・進行中・完了)',
                    en: 'Status entered by staff (not started, in progress, done)',
                  },
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};
