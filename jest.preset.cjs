// Shared Jest settings: SWC transpiles TypeScript (with decorator metadata for Nest and TypeORM),
// and the tsconfig path aliases map to the libraries' sources.
const { join } = require('path');
const root = __dirname;
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@chamber/contracts$': join(root, 'libs/contracts/src/index.ts'),
    '^@chamber/domain$': join(root, 'libs/domain/src/index.ts'),
    '^@chamber/migrations$': join(root, 'migrations/index.ts'),
  },
};
