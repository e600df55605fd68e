'use strict';
// Finds the SeqLang CLI and runs `seq check --json`. No `vscode` import, so the tests drive it
// with fake CLIs and, when one is built, the real one.

const { execFile } = require('node:child_process');
const fs = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const { parseCheckOutput, toDiagnostics } = require('./diagnostics');

/**
 * The commands to try for the `seq.path` setting, each as [program, ...leading arguments]. With the
 * default setting: `seq` on PATH; the native build of the repository open in the workspace
 * (`artifacts/native/seq`, where the README's quick start puts it); the global tool and the
 * user's `~/.local/bin/seq`; then the local dotnet tool. coreutils puts a `seq` on every Linux PATH,
 * so each is asked for its version before it is used.
 */
function candidateCommands(configured, { cwd, home = os.homedir() } = {}) {
  const setting = (configured || '').trim() || 'seq';
  if (/\.dll$/i.test(setting)) return [['dotnet', setting]];
  if (setting !== 'seq') return [[setting]];
  const native = [
    cwd && path.join(cwd, 'artifacts', 'native', 'seq'),
    home && path.join(home, '.dotnet', 'tools', 'seq'),
    home && path.join(home, '.local', 'bin', 'seq'),
  ].filter(Boolean).map((program) => [program]);
  return [['seq'], ...native, ['dotnet', 'seq']];
}

/**
 * Whether `--version` output is SeqLang's. System.CommandLine prints only the version
 * ("0.1.0+5f3a..."), so a bare version counts; coreutils prints "seq (GNU coreutils) 9.1".
 */
function isSeqLangVersion(stdout) {
  const text = stdout.trim();
  return /seqlang/i.test(text) || /^v?\d+\.\d+(\.\d+)?([-+][\w.+-]*)?$/.test(text);
}

/** Runs a command; never rejects. exitCode is null when it did not run or was killed. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const done = (error, stdout, stderr) => resolve({
      error,
      stdout: String(stdout ?? ''),
      stderr: String(stderr ?? ''),
      exitCode: !error ? 0 : typeof error.code === 'number' ? error.code : null,
    });
    try {
      execFile(command[0], [...command.slice(1), ...args],
        { timeout: 60000, maxBuffer: 32 * 1024 * 1024, windowsHide: true, ...options }, done);
    } catch (error) {
      done(error); // e.g. an invalid argument; report it like a failed run
    }
  });
}

/**
 * The first candidate whose `--version` is SeqLang's: {command, version}; or {error} with a
 * message saying what each candidate turned out to be, for the user to act on. `cwd` matters for
 * `dotnet seq`: dotnet finds a local tool through the manifest in .config/ above the folder it runs in.
 */
async function resolveCli(commands, cwd) {
  const tried = [];
  for (const command of commands) {
    const shown = `\`${command.join(' ')} --version\``;
    const r = await run(command, ['--version'], { timeout: 30000, cwd });
    // On failure the reason is on stderr (dotnet prints its hints on stdout after it).
    const said = r.exitCode === 0 ? r.stdout.trim() || r.stderr.trim() : r.stderr.trim() || r.stdout.trim();
    const firstLine = said.split('\n')[0].replace(/\.$/, '');
    if (r.exitCode === 0 && isSeqLangVersion(r.stdout)) return { command, version: r.stdout.trim() };
    if (r.exitCode === null) tried.push(`${shown}: ${r.error?.code === 'ENOENT' ? 'not found' : r.error?.message}`);
    else if (/coreutils/i.test(firstLine)) tried.push(`${shown} printed "${firstLine}": that is the coreutils seq, not SeqLang`);
    else if (r.exitCode !== 0) tried.push(`${shown} failed (exit ${r.exitCode}): ${firstLine}`);
    else tried.push(`${shown} printed "${firstLine}", which is not SeqLang`);
  }
  return {
    error: `SeqLang: no SeqLang CLI found, so .seq files are not checked. Tried ${tried.join('; ')}. ` +
      'Install the SeqLang CLI, or set "seq.path" to its executable or to seq.dll.',
  };
}

/**
 * Runs `seq check FILE --json` for one document and returns {diagnostics, problem?, aborted?}.
 * With `text` (unsaved edits), the text is checked from a copy with the same file name in a fresh
 * temporary folder, because the CLI reads files and a piece's default title is its file name;
 * the copy's diagnostics are the document's.
 */
async function checkDocument(command, { filePath, text, signal, cwd }) {
  let dir;
  let target = filePath;
  try {
    if (text !== undefined) {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seq-check-'));
      target = path.join(dir, path.basename(filePath));
      await fs.writeFile(target, text, 'utf8');
    }
    const r = await run(command, ['check', target, '--json'], { signal, cwd });
    if (signal?.aborted) return { diagnostics: [], aborted: true };
    // 0: no errors, 1: errors in the input; both print the JSON array.
    if (r.exitCode === 0 || r.exitCode === 1) {
      if (r.exitCode === 0 && r.stdout.trim() === '') return { diagnostics: [] };
      try {
        return { diagnostics: toDiagnostics(parseCheckOutput(r.stdout), target) };
      } catch (e) {
        return { diagnostics: [], problem: `\`${command.join(' ')} check --json\` printed something that is not a diagnostics array (${e.message}):\n${r.stdout.slice(0, 2000)}${r.stderr}` };
      }
    }
    const why = r.exitCode === null ? (r.error?.message ?? 'did not run') : `exit ${r.exitCode}`;
    return { diagnostics: [], problem: `\`${command.join(' ')} check --json\` failed (${why}):\n${r.stderr.trim()}` };
  } finally {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  }
}

module.exports = { candidateCommands, isSeqLangVersion, resolveCli, checkDocument };
