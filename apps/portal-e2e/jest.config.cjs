// Browser journeys: the built product in Debian Chromium (playwright-core), one file at a time.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'portal-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  testTimeout: 120000,
};
