// One flat config for the workspace. Module boundaries bite: contracts and domain import no
// framework, the API and the portal never import each other.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const frameworks = [
  '@nestjs/*',
  '@angular/*',
  'typeorm',
  'class-validator',
  'class-transformer',
  'pg',
  'rxjs',
  'express',
];

// The API's house, lowest first: a folder may import its own rank and below, never above.
// Composition (the entity list, seeds, start-up, the app module) sits above every domain.
// tools/api-layers.test.mjs walks every import of the API (specs included) against the same list.
export const API = 'apps/api/src/app';
export const apiLayers = [
  ['common', 'config', 'pdf'],
  ['auth', 'mail', 'jobs', 'audit', 'plan', 'chamber', 'webhooks', 'api-tokens'],
  ['members'],
  ['events', 'exams', 'suggestions', 'reminders', 'health', 'calendar', 'reports', 'privacy'],
  ['database'],
];
// Every file of a layer, specs and test helpers included (a spec that needs a higher layer lives
// there); the files at the top of app/ (app module, start-up, OpenAPI) are composition, above all.
const upwardImports = (rank) => {
  const above = [...apiLayers.slice(rank + 1).flat(), 'app\\.module', 'create-app', 'openapi'];
  return {
    files: apiLayers[rank].map((folder) => `${API}/${folder}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\./|(\\.\\./)+)(${above.join('|')})(/|$)`,
              message: `An import upward in the API's house (${apiLayers
                .map((l) => l.join(' '))
                .join(' < ')}): move the piece down, or turn the dependency round.`,
            },
          ],
        },
      ],
    },
  };
};

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.angular',
      '**/.nx',
      'data/**',
      'tmp/**',
      'coverage/**',
      '**/*.cjs',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: frameworks,
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
              bannedExternalImports: frameworks,
            },
            {
              sourceTag: 'type:data',
              onlyDependOnLibsWithTags: ['type:data'],
              bannedExternalImports: ['@angular/*', '@nestjs/*'],
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
              bannedExternalImports: ['@angular/*', '@jsverse/*', '@swimlane/*'],
            },
            {
              sourceTag: 'scope:portal',
              onlyDependOnLibsWithTags: ['scope:portal', 'scope:shared'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'class-validator', 'argon2', '@electric-sql/*'],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['scope:shared'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      // non-null assertions after a length or find check read better than casts
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...apiLayers.map((_, rank) => upwardImports(rank)),
  prettier,
];
