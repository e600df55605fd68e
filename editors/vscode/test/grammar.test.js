'use strict';
// The grammar as a whole: every regex compiles, every example and fixture tokenizes and closes
// everything it opens, and a few fixtures match their golden token snapshots.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { tokenize, render, loadOniguruma, allRegexes, oniguruma } = require('./helpers/textmate');
const { matchSnapshot } = require('./helpers/snapshot');

const fixtures = path.join(__dirname, 'fixtures');
const examples = path.resolve(__dirname, '..', '..', '..', 'examples');

function seqFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.seq'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

test('every regular expression in the grammars compiles in Oniguruma', async () => {
  await loadOniguruma();
  const regexes = allRegexes();
  assert.ok(regexes.length > 30, 'the grammars were found');
  for (const { where, source } of regexes) {
    assert.doesNotThrow(() => new oniguruma.OnigScanner([source]), `${where}: ${source}`);
  }
});

const files = [...seqFiles(fixtures), ...seqFiles(examples)];
for (const file of files) {
  test(`tokenizes ${path.relative(path.resolve(__dirname, '..', '..', '..'), file)} and closes all it opens`, async () => {
    const result = await tokenize(fs.readFileSync(file, 'utf8'));
    // Depth 1 is the root: no string, comment or block left open at the end of a valid file.
    assert.equal(result.endState.depth, 1, 'a rule is still open at the end of the file');
  });
}

test('the examples folder is walked when it has files', (t) => {
  // Not a failure when empty: examples arrive with the CLI. This keeps the count honest in the log.
  t.diagnostic(`${seqFiles(examples).length} example(s) under ${examples}, ${seqFiles(fixtures).length} fixture(s)`);
});

for (const name of ['drums', 'pitched', 'form-harmony', 'signals', 'pattern-functions']) {
  test(`golden tokens of fixtures/${name}.seq`, async () => {
    const result = await tokenize(fs.readFileSync(path.join(fixtures, `${name}.seq`), 'utf8'));
    matchSnapshot(name, render(result));
  });
}
