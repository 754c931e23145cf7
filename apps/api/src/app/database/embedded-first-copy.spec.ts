import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { beginEarlyCopy, takeEarlyCopy } from './embedded-first-copy';
import { embeddedTemplateDir, templateVariant } from './embedded-template-dir';

describe('the early copy of the embedded template', () => {
  let root: string;
  let template: string;
  const saved = process.env['PGLITE_TEMPLATE_DIR'];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cp-early-copy-'));
    process.env['PGLITE_TEMPLATE_DIR'] = join(root, 'templates');
    template = embeddedTemplateDir(templateVariant(true));
    mkdirSync(join(template, 'base'), { recursive: true });
    writeFileSync(join(template, 'PG_VERSION'), '17\n');
    writeFileSync(join(template, 'base', 'data'), 'rows');
  });
  afterEach(() => {
    process.env['PGLITE_TEMPLATE_DIR'] = saved;
    rmSync(root, { recursive: true, force: true });
  });

  it('is made beside a new folder on another thread and taken whole; copies left by a stopped start go', async () => {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    mkdirSync(join(dataDir, 'pglite.dead.tmp')); // a start killed half-way
    beginEarlyCopy({ DATA_DIR: dataDir, NODE_ENV: 'development' }, []);
    const copy = await takeEarlyCopy(template, join(dataDir, 'pglite'));
    expect(copy).toMatch(/pglite\.[0-9a-f]{8}\.tmp$/);
    expect(readFileSync(join(copy!, 'base', 'data'), 'utf8')).toBe('rows');
    expect(existsSync(join(dataDir, 'pglite.dead.tmp'))).toBe(false);
    expect(await takeEarlyCopy(template, join(dataDir, 'pglite'))).toBeUndefined(); // taken once
  });

  it('is thrown away when the configuration names another template or folder', async () => {
    const dataDir = join(root, 'data');
    beginEarlyCopy({ DATA_DIR: dataDir, NODE_ENV: 'development' }, []);
    expect(await takeEarlyCopy(join(root, 'another-template'), join(dataDir, 'pglite'))).toBeUndefined();
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });

  it('is not made on PostgreSQL, for a command, for a folder that exists or without a template', async () => {
    const dataDir = join(root, 'data');
    const none = async () => {
      expect(await takeEarlyCopy(template, join(dataDir, 'pglite'))).toBeUndefined();
    };
    beginEarlyCopy({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://x/y' }, []);
    await none();
    beginEarlyCopy({ DATA_DIR: dataDir }, ['--prepare-embedded-template']);
    await none();
    beginEarlyCopy({ DATA_DIR: dataDir, NODE_ENV: 'production' }, []); // the production template is not made
    await none();
    mkdirSync(join(dataDir, 'pglite'), { recursive: true });
    writeFileSync(join(dataDir, 'pglite', 'PG_VERSION'), '17\n');
    beginEarlyCopy({ DATA_DIR: dataDir }, []);
    await none();
  });
});
