'use strict';
// Tokenizes with vscode-textmate and vscode-oniguruma, the engine VS Code itself uses,
// so what these tests see is what the editor shows.
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const syntaxes = path.join(__dirname, '..', '..', 'syntaxes');
const grammarFiles = {
  'source.seq': path.join(syntaxes, 'seq.tmLanguage.json'),
  'source.seq.mini': path.join(syntaxes, 'seq-mini.tmLanguage.json'),
};

let onigLib;
function loadOniguruma() {
  if (!onigLib) {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    // A Buffer may be a view into a larger pool: hand over exactly its bytes.
    const bytes = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    onigLib = oniguruma.loadWASM(bytes).then(() => ({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }));
  }
  return onigLib;
}

let grammarPromise;
/** The source.seq grammar, loaded once. */
function loadGrammar() {
  if (!grammarPromise) {
    const registry = new vsctm.Registry({
      onigLib: loadOniguruma(),
      loadGrammar: async (scopeName) => {
        const file = grammarFiles[scopeName];
        if (!file) return null;
        return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
    });
    grammarPromise = registry.loadGrammar('source.seq');
  }
  return grammarPromise;
}

/**
 * Tokenizes a whole text. Returns { lines: [{ text, tokens: [{ text, scopes }] }], endState },
 * where endState is the rule stack after the last line (depth 1 means nothing was left open).
 */
async function tokenize(text) {
  const grammar = await loadGrammar();
  let state = vsctm.INITIAL;
  const lines = text.split(/\r?\n/).map((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    if (result.stoppedEarly) throw new Error(`tokenizing stopped early on line ${index + 1}`);
    state = result.ruleStack;
    return {
      text: line,
      tokens: result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes })),
    };
  });
  return { lines, endState: state };
}

/** One line per token: its text (JSON-quoted, so spaces show) and its scopes below source.seq. */
function render({ lines }) {
  const out = [];
  for (const line of lines) {
    out.push(`> ${line.text}`);
    for (const token of line.tokens) {
      if (token.text.trim() === '') continue; // whitespace carries no information a reader needs
      out.push(`  ${JSON.stringify(token.text).padEnd(16)} ${token.scopes.slice(1).join(' ')}`);
    }
  }
  return out.join('\n') + '\n';
}

/** Every regular expression in both grammars, with where it sits, to check that each compiles. */
function allRegexes() {
  const found = [];
  const walk = (node, where) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') found.push({ where: `${where}.${key}`, source: value });
      else walk(value, `${where}.${key}`);
    }
  };
  for (const [scope, file] of Object.entries(grammarFiles)) walk(JSON.parse(fs.readFileSync(file, 'utf8')), scope);
  return found;
}

module.exports = { tokenize, render, loadOniguruma, allRegexes, oniguruma };
