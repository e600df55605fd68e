'use strict';
// The manifest and what it points at: a broken path or JSON here only shows up in a real VS Code.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { tokenize } = require('./helpers/textmate');

const root = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const readJson = (relative) => JSON.parse(fs.readFileSync(path.join(root, relative), 'utf8'));

test('the language, grammars and snippets it contributes exist and parse', () => {
  const { languages, grammars, snippets } = manifest.contributes;
  assert.deepEqual(languages.map((l) => [l.id, l.extensions]), [['seq', ['.seq']]]);
  for (const g of grammars) assert.equal(readJson(g.path).scopeName, g.scopeName, g.path);
  assert.equal(grammars.find((g) => g.language === 'seq').scopeName, 'source.seq');
  for (const s of snippets) readJson(s.path);
  assert.ok(fs.existsSync(path.join(root, manifest.main)));
});

test('the language configuration has both comment styles and the mini-notation brackets', () => {
  const config = readJson(manifest.contributes.languages[0].configuration);
  assert.deepEqual(config.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
  for (const pair of [['[', ']'], ['<', '>'], ['{', '}'], ['(', ')']]) {
    assert.ok(config.brackets.some((b) => b[0] === pair[0] && b[1] === pair[1]), pair.join(''));
    assert.ok(config.autoClosingPairs.some((p) => p.open === pair[0] && p.close === pair[1]), pair.join(''));
  }
  assert.ok(config.autoClosingPairs.some((p) => p.open === '"' && p.close === '"'));
  assert.ok(new RegExp(config.indentationRules.increaseIndentPattern).test('track drums channel 10 {'));
  assert.ok(!new RegExp(config.indentationRules.increaseIndentPattern).test('  hat "{x x}%4"'));
  assert.ok(new RegExp(config.indentationRules.decreaseIndentPattern).test('  }'));
});

test('the seq.path setting defaults to seq', () => {
  assert.equal(manifest.contributes.configuration.properties['seq.path'].default, 'seq');
});

// Snippets expanded with their default text must be valid-looking SeqLang: nothing left open.
const snippets = readJson('snippets/seq.code-snippets');
for (const [name, snippet] of Object.entries(snippets)) {
  test(`snippet "${name}" expands to text that tokenizes and closes all it opens`, async () => {
    assert.ok(snippet.prefix && snippet.description && Array.isArray(snippet.body));
    const text = snippet.body.join('\n')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1') // ${1|a,b|} -> a
      .replace(/\$\{\d+:([^}]*)\}/g, '$1') // ${1:text} -> text
      .replace(/\$\d+/g, '');
    assert.doesNotMatch(text, /\$/);
    const { endState, lines } = await tokenize(text);
    assert.equal(endState.depth, 1);
    assert.ok(lines.some((l) => l.tokens.some((t) => t.scopes.some((s) => s.startsWith('keyword.') || s.startsWith('storage.')))));
  });
}
