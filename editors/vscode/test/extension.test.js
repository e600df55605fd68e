'use strict';
// src/extension.js against a fake `vscode` and the fake CLI: the whole path from an edit to the
// diagnostics shown, including the temporary copy of unsaved text and the "no CLI" message.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { createFakeVscode, fakeDocument, loadExtension, until } = require('./helpers/fake-vscode');

const fakes = path.join(__dirname, 'fixtures', 'fake-cli');
const broken = path.join(__dirname, 'fixtures', 'broken-drum.seq');
const brokenText = fs.readFileSync(broken, 'utf8');

function start(settings) {
  const fake = createFakeVscode({ checkOnChange: true, checkDelay: 5, ...settings });
  const context = { subscriptions: [] };
  loadExtension(fake.vscode).activate(context);
  const stop = () => context.subscriptions.forEach((s) => s.dispose());
  return { ...fake, stop };
}

test('an open document gets the CLI\'s diagnostics as VS Code ranges; edits are checked unsaved', async () => {
  const vs = start({ path: path.join(fakes, 'seqlang.js') });
  try {
    const doc = fakeDocument(broken, brokenText);
    const key = doc.uri.toString();
    vs.events.open.fire(doc);
    await until(() => vs.diagnostics.get(key)?.length === 1);
    const [d] = vs.diagnostics.get(key);
    const line = brokenText.split('\n').findIndex((l) => l.includes(' kik '));
    const character = brokenText.split('\n')[line].indexOf('kik ');
    assert.deepEqual({ ...d.range }, { start: { line, character }, end: { line, character: character + 3 } });
    assert.equal(d.severity, vs.vscode.DiagnosticSeverity.Error);
    assert.equal(d.code, 'SEQ0301');
    assert.equal(d.source, 'seq');

    // Typing: the text on disk is unchanged, so two errors can only come from the unsaved text.
    doc.text = brokenText.replace('snare', 'kik snare');
    doc.isDirty = true;
    vs.events.change.fire({ document: doc });
    await until(() => vs.diagnostics.get(key)?.length === 2);

    vs.events.close.fire(doc);
    assert.equal(vs.diagnostics.has(key), false);
    assert.deepEqual(vs.warnings, []);
  } finally {
    vs.stop();
  }
});

test('with no SeqLang CLI, the user is told once what was tried', async () => {
  const vs = start({ path: path.join(fakes, 'coreutils-seq.js') });
  try {
    vs.events.open.fire(fakeDocument(broken, brokenText));
    vs.events.open.fire(fakeDocument(`${broken}.copy.seq`, brokenText));
    await until(() => vs.warnings.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(vs.warnings.length, 1);
    assert.match(vs.warnings[0], /coreutils seq, not SeqLang/);
    assert.match(vs.warnings[0], /seq\.path/);
    assert.equal(vs.diagnostics.size, 0);
  } finally {
    vs.stop();
  }
});
