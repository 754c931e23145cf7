// API end-to-end: the built server over real HTTP, on real PostgreSQL and on embedded PGlite.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  testTimeout: 180000,
};
