// The API's house, checked by walking the imports themselves (not through ESLint's rule): every
// relative import of every file in apps/api/src/app, specs and test helpers included, is mapped
// to the layer of the file it names (eslint.config.mjs `apiLayers`, lowest first) and must point to
// the importer's own rank or below. A failure lists every upward import, file:line → target.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { API, apiLayers } from '../eslint.config.mjs';

const root = resolve(import.meta.dirname, '..');
const app = join(root, API);
const COMPOSITION = apiLayers.length; // the files at the top of app/ (app module, start-up, OpenAPI)

function* tsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

/** The folder under app/ a path belongs to ('' for the composition files beside app.module.ts). */
const folderOf = (path) => {
  const parts = relative(app, path).split(sep);
  return parts.length === 1 ? '' : parts[0];
};

const rankOf = (folder) => (folder === '' ? COMPOSITION : apiLayers.findIndex((layer) => layer.includes(folder)));

/** Every relative import, export … from, import() and require() of one file, with its line. */
function importsOf(path) {
  const source = readFileSync(path, 'utf8');
  const info = ts.preProcessFile(source, true, true);
  return info.importedFiles
    .filter((f) => f.fileName.startsWith('.'))
    .map((f) => ({
      target: resolve(dirname(path), f.fileName),
      line: source.slice(0, f.pos).split('\n').length,
    }));
}

const files = [...tsFiles(app)];

test('every folder of the API is in a layer of eslint.config.mjs', () => {
  const folders = new Set(files.map(folderOf).filter((f) => f !== ''));
  const unplaced = [...folders].filter((f) => rankOf(f) < 0);
  assert.deepEqual(unplaced, [], `folders in no layer of apiLayers: ${unplaced.join(', ')}`);
});

test('no import runs upward in the API house (specs and test helpers included)', () => {
  const upward = [];
  let count = 0;
  for (const file of files) {
    const from = folderOf(file);
    for (const { target, line } of importsOf(file)) {
      if (!target.startsWith(app + sep)) continue; // outside app/: libs through aliases, src/testing
      count++;
      const to = folderOf(target);
      if (rankOf(to) > rankOf(from)) {
        upward.push(`${relative(root, file)}:${line} → ${relative(app, target)} (${from || 'app'} < ${to || 'app'})`);
      }
    }
  }
  assert.ok(count > 500, `only ${count} imports found: the walk is broken`);
  assert.deepEqual(upward, [], `upward imports:\n${upward.join('\n')}`);
});
