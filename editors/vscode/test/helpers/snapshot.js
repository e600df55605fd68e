'use strict';
// Golden files in the Scriban manner: a missing snapshot fails with instructions, and
// UPDATE_SNAPSHOTS=1 writes what the code produces now, to be reviewed in the diff and committed.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'snapshots');

function matchSnapshot(name, actual) {
  const file = path.join(dir, `${name}.snap`);
  const shown = path.relative(process.cwd(), file);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) {
    assert.fail(`Snapshot ${shown} does not exist. Run \`UPDATE_SNAPSHOTS=1 npm test\` in editors/vscode, ` +
      'review the new file, and commit it.');
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'),
    `Tokens differ from ${shown}. If the change is intended, run \`UPDATE_SNAPSHOTS=1 npm test\` and commit the snapshot.`);
}

module.exports = { matchSnapshot };
