'use strict';
// The conversion of `seq check --json` output into VS Code ranges, on a fixed sample.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { parseCheckOutput, toRange, toDiagnostics } = require('../src/diagnostics');

const sample = JSON.stringify([
  // "kik" on line 3 at columns 14..16: endColumn 17 is just after the span.
  { file: '/tmp/seq-check-1/broken.seq', line: 3, column: 14, endLine: 3, endColumn: 17, severity: 'error', code: 'SEQ0301', message: "unknown drum 'kik'; did you mean 'kick'?" },
  // A span over two lines, ending at the start of line 5.
  { file: '/tmp/seq-check-1/broken.seq', line: 4, column: 3, endLine: 5, endColumn: 1, severity: 'warning', code: 'SEQ0900', message: 'two lines' },
  // The CLI's zero-length spans come with endColumn = column + 1.
  { file: 'broken.seq', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'warning', code: 'SEQ0001', message: 'file name only' },
  { file: '/elsewhere/other.seq', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', code: 'SEQ0002', message: 'another file' },
]);

test('parses the JSON array and maps 1-based, end-exclusive columns to 0-based ranges', () => {
  const diagnostics = toDiagnostics(parseCheckOutput(sample), '/tmp/seq-check-1/broken.seq');
  assert.deepEqual(diagnostics, [
    { range: { start: { line: 2, character: 13 }, end: { line: 2, character: 16 } }, severity: 'error', code: 'SEQ0301', message: "unknown drum 'kik'; did you mean 'kick'?" },
    { range: { start: { line: 3, character: 2 }, end: { line: 4, character: 0 } }, severity: 'warning', code: 'SEQ0900', message: 'two lines' },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'warning', code: 'SEQ0001', message: 'file name only' },
  ]);
});

test('the mapped range selects exactly the reported text of the fixture', () => {
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'broken-drum.seq'), 'utf8');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"kick kik'));
  const column = lines[line].indexOf('kik ') + 1;
  const [d] = toDiagnostics([{ file: 'broken-drum.seq', line: line + 1, column, endLine: line + 1, endColumn: column + 3, severity: 'error', code: 'X', message: 'm' }], '/x/broken-drum.seq');
  assert.equal(lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), 'kik');
});

test('an entry without an end gets one character; a reversed end collapses to the start', () => {
  assert.deepEqual(toRange({ line: 2, column: 5 }), { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } });
  assert.deepEqual(toRange({ line: 2, column: 5, endLine: 2, endColumn: 3 }), { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } });
  assert.deepEqual(toRange({ line: 0, column: 0, endLine: 0, endColumn: 0 }), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
});

test('severities map to VS Code names, unknown ones to error', () => {
  const severities = ['error', 'warning', 'info', 'hint', 'odd'].map((severity) =>
    toDiagnostics([{ line: 1, column: 1, severity, message: '' }], 'a.seq')[0].severity);
  assert.deepEqual(severities, ['error', 'warning', 'information', 'hint', 'error']);
});

test('output that is not a JSON array is rejected', () => {
  assert.throws(() => parseCheckOutput('{"line":1}'), /array/);
  assert.throws(() => parseCheckOutput('seq (GNU coreutils) 9.1'));
});
