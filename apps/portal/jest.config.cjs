// Portal unit specs: the pure parts (filters, formatting, live-event rules). Components are
// exercised in the browser journeys of apps/portal-e2e.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'portal',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
