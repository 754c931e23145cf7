export * from './lib/common';
export * from './lib/auth';
export * from './lib/plan';
export * from './lib/events';
export * from './lib/suggestions';
export * from './lib/members';
export * from './lib/exams';
export * from './lib/chamber';
