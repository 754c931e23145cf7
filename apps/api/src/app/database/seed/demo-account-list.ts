import type { Role } from '@chamber/contracts';

// Development only; the password is published in the README. Kept apart from the seed so that a
// first start can name the embedded template (which holds these accounts) before the ORM loads.
export const DEMO_PASSWORD = 'demo-pass-2019';

export const DEMO_ACCOUNTS: { email: string; role: Role; displayName: string; member?: boolean }[] = [
  { email: 'admin@example.jp', role: 'admin', displayName: '管理者 デモ' },
  { email: 'staff@example.jp', role: 'staff', displayName: '職員 デモ' },
  { email: 'manager@example.jp', role: 'manager', displayName: '事務局長 デモ' },
  { email: 'member-admin@example.jp', role: 'member_admin', displayName: '会員担当 デモ', member: true },
  { email: 'member@example.jp', role: 'member', displayName: '会員社員 デモ', member: true },
];
