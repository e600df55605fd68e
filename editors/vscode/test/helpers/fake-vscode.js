'use strict';
// Just enough of the `vscode` API for src/extension.js, so its glue (events, debounce, temporary
// copies, diagnostics) runs under node --test. VS Code itself cannot run here: no display, no download.
const Module = require('node:module');

class Emitter {
  constructor() { this.listeners = []; }
  get event() { return (listener) => { this.listeners.push(listener); return { dispose() {} }; }; }
  fire(value) { this.listeners.forEach((l) => l(value)); }
}

function createFakeVscode(settings) {
  const events = {
    open: new Emitter(), change: new Emitter(), save: new Emitter(), close: new Emitter(), config: new Emitter(),
  };
  const diagnostics = new Map(); // uri string -> Diagnostic[]
  const warnings = [];
  const log = [];
  const vscode = {
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    Range: class { constructor(sl, sc, el, ec) { this.start = { line: sl, character: sc }; this.end = { line: el, character: ec }; } },
    Diagnostic: class { constructor(range, message, severity) { Object.assign(this, { range, message, severity }); } },
    languages: {
      createDiagnosticCollection: () => ({
        set: (uri, list) => diagnostics.set(uri.toString(), list),
        delete: (uri) => diagnostics.delete(uri.toString()),
        dispose() {},
      }),
    },
    window: {
      createOutputChannel: () => ({ appendLine: (line) => log.push(line), dispose() {} }),
      showWarningMessage: (message) => warnings.push(message),
    },
    workspace: {
      textDocuments: [],
      getWorkspaceFolder: () => undefined,
      getConfiguration: () => ({ get: (key) => settings[key] }),
      onDidOpenTextDocument: events.open.event,
      onDidChangeTextDocument: events.change.event,
      onDidSaveTextDocument: events.save.event,
      onDidCloseTextDocument: events.close.event,
      onDidChangeConfiguration: events.config.event,
    },
  };
  return { vscode, events, diagnostics, warnings, log };
}

/** A text document as the extension sees it. */
function fakeDocument(fsPath, text) {
  const uri = { scheme: 'file', fsPath, path: fsPath, toString: () => `file://${fsPath}` };
  return { uri, fileName: fsPath, languageId: 'seq', isDirty: false, isUntitled: false, text, getText() { return this.text; } };
}

/** Loads src/extension.js fresh against a fake `vscode`. */
function loadExtension(vscode) {
  const extensionPath = require.resolve('../../src/extension');
  delete require.cache[extensionPath];
  const originalLoad = Module._load;
  Module._load = function load(request, ...rest) {
    return request === 'vscode' ? vscode : originalLoad.call(this, request, ...rest);
  };
  try {
    return require(extensionPath);
  } finally {
    Module._load = originalLoad;
  }
}

/** Resolves once `condition()` holds; fails after `ms`. */
async function until(condition, ms = 10000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

module.exports = { createFakeVscode, fakeDocument, loadExtension, until };
