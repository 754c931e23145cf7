// Proves the module-boundary rules bite: a wrong import in each layer is an ESLint error.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function lintProbe(path, source, rule = '@nx/enforce-module-boundaries') {
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  writeFileSync(path, source);
  try {
    const [result] = await eslint.lintFiles([path]);
    return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
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

// the API's house: common < auth, plan… < members < events, exams… < database (composition)
const upward = (path, source) => lintProbe(path, source, 'no-restricted-imports');

test('common may not import a domain (AuthUser lives in common)', async () => {
  const errors = await upward(
    'apps/api/src/app/common/zz-probe.ts',
    "import type { AuthUser } from '../auth/auth.decorators';\nexport type X = AuthUser;\n",
  );
  assert.ok(errors.length > 0, 'expected an upward-import error');
});

test('an entity may not import composition (the database folder)', async () => {
  const errors = await upward(
    'apps/api/src/app/plan/entities/zz-probe.ts',
    "import { ENTITIES } from '../../database/entities';\nexport const x = ENTITIES;\n",
  );
  assert.ok(errors.length > 0, 'expected an upward-import error');
});

test('auth may not import members, members may not import events', async () => {
  const auth = await upward(
    'apps/api/src/app/auth/entities/zz-probe.ts',
    "import { Member } from '../../members/entities/member.entity';\nexport const x = Member;\n",
  );
  const members = await upward(
    'apps/api/src/app/members/zz-probe.ts',
    "import { Registration } from '../events/entities/registration.entity';\nexport const x = Registration;\n",
  );
  assert.ok(auth.length > 0 && members.length > 0, 'expected upward-import errors');
});

test('a domain may import below itself (events uses members and common)', async () => {
  const errors = await upward(
    'apps/api/src/app/events/zz-probe.ts',
    "import { Member } from '../members/entities/member.entity';\nimport { tokenHash } from '../common/link-tokens';\nexport const x = [Member, tokenHash];\n",
  );
  assert.deepEqual(errors, []);
});

test('specs are in their layer too (a spec that needs a higher layer lives there)', async () => {
  const errors = await upward(
    'apps/api/src/app/mail/zz-probe.spec.ts',
    "import { registrationMail } from '../events/event-mails';\nexport const x = registrationMail;\n",
  );
  assert.ok(errors.length > 0, 'expected an upward-import error');
});
