// Proves the module-boundary rules bite: a wrong import in each layer is an ESLint error.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function lintProbe(path, source) {
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  writeFileSync(path, source);
  try {
    const [result] = await eslint.lintFiles([path]);
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  } finally {
    rmSync(path, { force: true });
  }
}

test('domain may not import a framework', async () => {
  const errors = await lintProbe(
    'libs/domain/src/lib/zz-probe.ts',
    "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
  );
  assert.ok(errors.length > 0, 'expected a boundary error');
});

test('contracts may not import TypeORM', async () => {
  const errors = await lintProbe(
    'libs/contracts/src/lib/zz-probe.ts',
    "import { Entity } from 'typeorm';\nexport const x = Entity;\n",
  );
  assert.ok(errors.length > 0, 'expected a boundary error');
});

test('the portal may not import the API', async () => {
  const errors = await lintProbe(
    'apps/portal/src/app/zz-probe.ts',
    "import { AppModule } from '../../../api/src/app/app.module';\nexport const x = AppModule;\n",
  );
  assert.ok(errors.length > 0, 'expected a boundary error');
});

test('the API may not import Angular', async () => {
  const errors = await lintProbe(
    'apps/api/src/app/zz-probe.ts',
    "import { Component } from '@angular/core';\nexport const x = Component;\n",
  );
  assert.ok(errors.length > 0, 'expected a boundary error');
});

test('domain may import contracts (allowed direction)', async () => {
  const errors = await lintProbe(
    'libs/domain/src/lib/zz-probe.ts',
    "import type { Role } from '@chamber/contracts';\nexport const x: Role = 'admin';\n",
  );
  assert.deepEqual(errors, []);
});
