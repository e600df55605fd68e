'use strict';
// Pure conversion of `seq check --json` output into VS Code-style ranges. No `vscode` import,
// so the tests check the arithmetic exactly, without an editor.

const path = require('node:path');

/**
 * Parses the stdout of `seq check --json`: an array of
 * {file, line, column, endLine, endColumn, severity, code, message}.
 * Throws when it is not a JSON array, so the caller can show what the CLI printed instead.
 */
function parseCheckOutput(stdout) {
  const parsed = JSON.parse(stdout);
  if (!Array.isArray(parsed)) throw new Error('expected a JSON array');
  return parsed;
}

/**
 * The 0-based range of one entry. The CLI's lines and columns are 1-based and its end column is
 * exclusive (the column just after the span), as VS Code's end character is, so both ends just
 * shift by one. Columns are UTF-16 code units on both sides (C# strings and JavaScript strings),
 * so a line with non-ASCII text needs no re-counting.
 */
function toRange(entry) {
  const line = Math.max(0, (entry.line ?? 1) - 1);
  const character = Math.max(0, (entry.column ?? 1) - 1);
  let endLine = entry.endLine != null ? Math.max(0, entry.endLine - 1) : line;
  // No end from the CLI: one character, so the squiggle is still visible.
  let endCharacter = entry.endColumn != null ? Math.max(0, entry.endColumn - 1) : character + 1;
  if (endLine < line || (endLine === line && endCharacter < character)) {
    endLine = line;
    endCharacter = character;
  }
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

const severities = { error: 'error', warning: 'warning', info: 'information', information: 'information', note: 'information', hint: 'hint' };

/**
 * The diagnostics of `checkedPath` among `entries`, each {range, severity, code, message}.
 * `checkedPath` is the path handed to the CLI (a temporary copy for unsaved text): entries for it
 * belong to the document. A CLI may print the path as given or normalised, so the base name is
 * enough; an entry with no file belongs to the only file checked.
 */
function toDiagnostics(entries, checkedPath) {
  const wanted = path.basename(checkedPath);
  return entries
    .filter((e) => !e.file || path.resolve(e.file) === path.resolve(checkedPath) || path.basename(e.file) === wanted)
    .map((e) => ({
      range: toRange(e),
      severity: severities[String(e.severity).toLowerCase()] ?? 'error',
      code: e.code,
      message: e.message,
    }));
}

module.exports = { parseCheckOutput, toRange, toDiagnostics };
