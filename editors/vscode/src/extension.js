'use strict';
// VS Code glue: checks .seq documents with `seq check --json` when opened, while typing
// (debounced) and on save, and shows the results as diagnostics. The logic lives in cli.js and
// diagnostics.js, which do not need VS Code and are tested on their own.

const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const { candidateCommands, resolveCli, checkDocument } = require('./cli');

const severity = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function activate(context) {
  const collection = vscode.languages.createDiagnosticCollection('seq');
  const output = vscode.window.createOutputChannel('SeqLang');
  const timers = new Map(); // uri -> pending debounce timer
  const running = new Map(); // uri -> AbortController of the check in flight
  // cwd -> Promise of resolveCli's answer, reset when settings change. Keyed by folder because a
  // local dotnet tool (`dotnet seq`) is only found from inside the repository that declares it.
  const clis = new Map();
  let toldNoCli = false; // say it once, not on every keystroke

  const settings = () => vscode.workspace.getConfiguration('seq');

  async function check(doc) {
    if (doc.languageId !== 'seq') return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    running.get(key)?.abort(); // a newer text supersedes the check in flight
    const controller = new AbortController();
    running.set(key, controller);

    const cwd = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath ??
      (doc.uri.scheme === 'file' && !doc.isUntitled ? path.dirname(doc.uri.fsPath) : os.homedir());
    if (!clis.has(cwd)) clis.set(cwd, resolveCli(candidateCommands(settings().get('path'), { cwd }), cwd));
    const found = await clis.get(cwd);
    if (controller.signal.aborted) return;
    if (found.error) {
      if (!toldNoCli) {
        toldNoCli = true;
        output.appendLine(found.error);
        vscode.window.showWarningMessage(found.error);
      }
      return;
    }
    // A saved file on disk is checked in place; anything else from a temporary copy.
    const onDisk = doc.uri.scheme === 'file' && !doc.isDirty && !doc.isUntitled;
    const filePath = doc.isUntitled ? 'untitled.seq' : doc.uri.fsPath;
    const result = await checkDocument(found.command, {
      filePath,
      text: onDisk ? undefined : doc.getText(),
      signal: controller.signal,
      cwd,
    });
    if (result.aborted || controller.signal.aborted) return;
    running.delete(key);
    if (result.problem) output.appendLine(`${filePath}: ${result.problem}`);
    collection.set(doc.uri, result.diagnostics.map((d) => {
      const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
      const diagnostic = new vscode.Diagnostic(range, d.message, severity[d.severity]);
      diagnostic.source = 'seq';
      if (d.code) diagnostic.code = d.code;
      return diagnostic;
    }));
  }

  function schedule(doc) {
    if (doc.languageId !== 'seq' || !settings().get('checkOnChange')) return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => check(doc), settings().get('checkDelay')));
  }

  function forget(doc) {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    running.get(key)?.abort();
    running.delete(key);
    collection.delete(doc.uri);
  }

  context.subscriptions.push(
    collection,
    output,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidSaveTextDocument(check),
    vscode.workspace.onDidCloseTextDocument(forget),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('seq')) return;
      clis.clear();
      toldNoCli = false;
      vscode.workspace.textDocuments.forEach(check);
    }),
    { dispose: () => { timers.forEach(clearTimeout); running.forEach((c) => c.abort()); } },
  );
  vscode.workspace.textDocuments.forEach(check);
}

function deactivate() {}

module.exports = { activate, deactivate };
