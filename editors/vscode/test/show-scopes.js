#!/usr/bin/env node
'use strict';
// Prints the tokens and scopes of .seq files, as the snapshots show them:
//   npm run scopes -- FILE.seq...
const fs = require('node:fs');
const { tokenize, render } = require('./helpers/textmate');

(async () => {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: npm run scopes -- FILE.seq...');
    process.exit(2);
  }
  for (const file of files) {
    const result = await tokenize(fs.readFileSync(file, 'utf8'));
    process.stdout.write(`# ${file}\n${render(result)}`);
    if (result.endState.depth !== 1) process.stdout.write('# warning: a string, comment or block is still open at the end\n');
  }
})();
