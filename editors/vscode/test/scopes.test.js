'use strict';
// One test per construct: the token that covers exactly the construct carries the expected scope.
// Scopes are compared by dotted prefix ("constant.numeric" matches "constant.numeric.seq").
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { tokenize } = require('./helpers/textmate');

const hasScope = (token, scope) => token.scopes.some((s) => s === scope || s.startsWith(`${scope}.`));

/**
 * The tokens covering `needle`, found on the first line of `source` that contains `line`
 * (default: the needle itself), at the first occurrence of the needle on that line after `after`.
 */
async function tokensAt(source, needle, { line: lineText = needle, after = '' } = {}) {
  const { lines } = await tokenize(source);
  const row = lines.find((l) => l.text.includes(lineText) && l.text.includes(after));
  assert.ok(row, `no line contains ${JSON.stringify(lineText)}`);
  const start = row.text.indexOf(needle, after ? row.text.indexOf(after) + after.length : 0);
  assert.ok(start >= 0, `${JSON.stringify(needle)} is not on line ${JSON.stringify(row.text)}`);
  const end = start + needle.length;
  return row.tokens.filter((t) => t.start < end && t.start + t.text.length > start);
}

/** Asserts that one token spans exactly `needle` and has `scope`. */
async function expectScope(source, needle, scope, where) {
  const tokens = await tokensAt(source, needle, where);
  const shown = tokens.map((t) => `${JSON.stringify(t.text)} [${t.scopes.join(' ')}]`).join(', ');
  assert.equal(tokens.length, 1, `${JSON.stringify(needle)} should be one token, got ${shown}`);
  assert.equal(tokens[0].text, needle, `the token should be exactly ${JSON.stringify(needle)}, got ${shown}`);
  assert.ok(hasScope(tokens[0], scope), `${JSON.stringify(needle)} should have ${scope}, got ${shown}`);
}

/** Asserts that the tokens covering `needle` start and end with it and all have `scope`. */
async function expectSpanScope(source, needle, scope, where) {
  const tokens = await tokensAt(source, needle, where);
  const shown = tokens.map((t) => `${JSON.stringify(t.text)} [${t.scopes.join(' ')}]`).join(', ');
  assert.equal(tokens.map((t) => t.text).join(''), needle, `tokens should cover exactly ${JSON.stringify(needle)}, got ${shown}`);
  assert.ok(tokens.every((t) => hasScope(t, scope)), `all of ${JSON.stringify(needle)} should have ${scope}, got ${shown}`);
}

// --- Statements -------------------------------------------------------------------------------

const statements = [
  // [construct, source, needle, scope, where?]
  ['title keyword', 'title "Song"', 'title', 'keyword.other.setting'],
  ['tempo keyword', 'tempo 120', 'tempo', 'keyword.other.setting'],
  ['meter keyword', 'meter 7/8', 'meter', 'keyword.other.setting'],
  ['key keyword', 'key E minor', 'key', 'keyword.other.setting'],
  ['seed keyword', 'seed 42', 'seed', 'keyword.other.setting'],
  ['swing setting', 'swing 55', 'swing', 'keyword.other.setting'],
  ['output keyword', 'output "IAC"', 'output', 'keyword.other.setting'],
  ['input keyword', 'input "Pads"', 'input', 'keyword.other.setting'],
  ['clock keyword', 'clock out', 'clock', 'keyword.other.setting'],
  ['clock direction', 'clock in "Ext"', 'in', 'constant.language'],
  ['track keyword', 'track bass channel 2 {', 'track', 'storage.type'],
  ['channel keyword', 'track bass channel 2 {', 'channel', 'keyword.other'],
  ['program keyword', 'track bass channel 2 program 38 {', 'program', 'keyword.other'],
  ['bank keyword', 'track bass channel 2 bank 0:32 {', 'bank', 'keyword.other'],
  ['kit keyword in a track', 'track d channel 9 kit gm {', 'kit', 'keyword.other'],
  ['kit name', 'track d channel 9 kit gm {', 'gm', 'entity.name.type'],
  ['user kit keyword', 'kit tr8 { kick 36 }', 'kit', 'storage.type'],
  ['drum name in a user kit', 'kit tr8 { kick 36 }', 'kick', 'support.function'],
  ['play keyword', '  play "c4"', 'play', 'keyword.control'],
  ['cc keyword', '  cc 74 "0 127"', 'cc', 'keyword.control'],
  ['every keyword', '  every 4 rev', 'every', 'keyword.control'],
  ['in keyword', '  in verse, chorus {', 'in', 'keyword.control'],
  ['form keyword', 'form {', 'form', 'keyword.control'],
  ['loop keyword', 'form loop a 4, b 8', 'loop', 'keyword.control'],
  ['end keyword', 'form {\n  outro 4 -> end\n}', 'end', 'keyword.control'],
  ['harmony keyword', 'harmony aeolian_minor every 1 bar gravity 0.8', 'harmony', 'keyword.other'],
  ['harmony style', 'harmony aeolian_minor every 1 bar', 'aeolian_minor', 'constant.language'],
  ['bar word', 'harmony aeolian_minor every 1 bar gravity 0.8', 'bar', 'keyword.other'],
  ['gravity word', 'harmony aeolian_minor every 1 bar gravity 0.8', 'gravity', 'keyword.other'],
  ['chords keyword', 'chords "<Am F>"', 'chords', 'keyword.other'],
  ['scale keyword', 'scale gypsy 0 1 4 5 7 8 10', 'scale', 'storage.type'],
  ['scale name', 'scale gypsy 0 1 4 5 7 8 10', 'gypsy', 'entity.name.type'],
  ['map keyword', 'map cc 74 -> tempo 60..180', 'map', 'keyword.other'],
  ['map range', 'map cc 74 -> tempo 60..180', '..', 'keyword.operator'],
  ['rpn source', 'map rpn 0:0 -> tempo 60..180', 'rpn', 'keyword.other.midi'],
  ['note source', 'map note 36 -> mute drums', 'note', 'keyword.other.midi'],
  ['jump section', 'map note 38 -> jump verse', 'verse', 'entity.name.tag'],
  ['hotkey keyword', 'key "m" -> mute bass', 'key', 'keyword.other.map'],
  ['hotkey target lane', 'key "m" -> mute bass.play', 'play', 'entity.name.function'],
  ['hotkey mute', 'key "m" -> mute bass', 'mute', 'keyword.other.modifier'],
  ['feedback keyword', 'feedback "Launchpad" mute bass note 36', 'feedback', 'keyword.other.map'],
  ['feedback velocity option', 'feedback "Launchpad" mute bass note 36 on 5', 'on', 'keyword.other.feedback'],
  ['feedback playhead option', 'feedback "L" steps d.kick notes 48..63 playhead 64', 'playhead', 'keyword.other.feedback'],
  ['track name', 'track bass channel 2 {', 'bass', 'entity.name.type'],
  ['lane name', '  snare "~ x"', 'snare', 'entity.name.function'],
  ['lane name after a brace', '  in a { snare "~ x" }', 'snare', 'entity.name.function'],
  ['track.lane reference', 'map cc 71 -> drums.hat vel 40..127', 'hat', 'entity.name.function'],
  ['section name in a form', 'form {\n  intro 4 -> verse\n}', 'verse', 'entity.name.tag'],
  ['section name in a one-line form', 'form intro 4, verse 8', 'verse', 'entity.name.tag'],
  ['section name in an in block', '  in verse, chorus {', 'chorus', 'entity.name.tag'],
  ['form arrow', 'form {\n  intro 4 -> verse\n}', '->', 'keyword.operator'],
  ['form choice', 'form {\n  verse 8 -> chorus 3 | verse 1\n}', '|', 'keyword.operator'],
  ['integer', 'tempo 120', '120', 'constant.numeric'],
  ['decimal', '  play "c4" legato 0.9', '0.9', 'constant.numeric'],
  ['negative number', '  play "c4" shift -0.25', '-0.25', 'constant.numeric'],
  ['meter numerator', 'meter 7/8', '7', 'constant.numeric.meter'],
  ['meter slash', 'meter 7/8', '/', 'constant.numeric.meter'],
  ['meter denominator', 'meter 7/8', '8', 'constant.numeric.meter'],
  ['key tonic', 'key E minor', 'E', 'constant.language'],
  ['key tonic with accidental', 'key F# harmonic_minor', 'F#', 'constant.language'],
  ['key mode', 'key E minor', 'minor', 'constant.language'],
  ['string quote', 'title "Song"', '"', 'punctuation.definition.string.begin'],
  ['string text', 'title "Song"', 'Song', 'string.quoted.double'],
  ['plain string is not mini-notation', 'title "Bass in C"', 'Bass in C', 'string.quoted.double'],
  ['pattern string', '  hat "x*8"', '"', 'string.quoted.double'],
  ['block brace', 'track a channel 1 {', '{', 'punctuation.section.block.begin'],
];
for (const m of ['vel', 'legato', 'prob', 'transpose', 'octave', 'fast', 'slow', 'shift', 'swing', 'humanize', 'chan', 'ply', 'iter']) {
  statements.push([`${m} modifier`, `  play "c4" ${m} 2`, m, 'keyword.other.modifier']);
}
for (const m of ['degrees', 'tones', 'rev', 'mute', 'palindrome']) {
  statements.push([`${m} modifier`, `  play "0 1" ${m}`, m, 'keyword.other.modifier']);
}
statements.push(['n modifier', '  play "x*4" n "0 2 4" degrees', 'n', 'keyword.other.modifier']);
statements.push(['off modifier', '  play "c4 e4" off 0.125 transpose 12', 'off', 'keyword.other.modifier']);
statements.push(['sometimes modifier', '  play "c4*8" sometimes 0.3 transpose 12', 'sometimes', 'keyword.other.modifier']);
statements.push(['often modifier', '  hat "x*8" often vel 50', 'often', 'keyword.other.modifier']);
statements.push(['someCycles modifier', '  snare "~ x" someCycles 0.25 fast 2', 'someCycles', 'keyword.other.modifier']);
statements.push(['mask modifier', '  hat "x*16" mask "1 0 1 1"', 'mask', 'keyword.other.modifier']);
statements.push(['struct modifier', '  play "c4" struct "x ~ x"', 'struct', 'keyword.other.modifier']);
statements.push(['chunk modifier', '  play "c4 d4 e4 f4" chunk 4 fast 2', 'chunk', 'keyword.other.modifier']);
statements.push(['modifier inside chunk', '  play "c4 d4 e4 f4" chunk 4 fast 2', 'fast', 'keyword.other.modifier']);
statements.push(['grid modifier', '  hat "x*16" swing 58 grid 16', 'grid', 'keyword.other.modifier']);
statements.push(['voicing modifier', '  play "c4\'maj7" voicing lead', 'voicing', 'keyword.other.modifier']);
statements.push(['voicing value', '  play "c4\'maj7" voicing lead', 'lead', 'constant.language']);

// Values, signals and control lanes (SPEC §12-13, docs/signals.md).
statements.push(
  ['signal keyword', 'signal swell sine 0.6..1 over 4 bars', 'signal', 'storage.type.signal'],
  ['signal name', 'signal swell sine 0.6..1 over 4 bars', 'swell', 'variable.other.signal'],
  ['range ..', '  play "c4" vel sine 40..100', '..', 'keyword.operator.range'],
  ['range start', '  play "c4" vel sine 40..100', '40', 'constant.numeric'],
  ['range end', '  play "c4" vel sine 40..100', '100', 'constant.numeric'],
  ['negative range start', '  bend perlin -0.3..0.3', '-0.3', 'constant.numeric'],
  ['product *', '  play "c4" vel saw 0..100 * 0.5', '*', 'keyword.operator.arithmetic'],
  ['product factor', '  play "c4" vel saw 0..100 * 0.5', '0.5', 'constant.numeric'],
  ['parenthesis (', '  hat "x*8" vel (swell * 100)', '(', 'punctuation.section.parens.begin'],
  ['parenthesis )', '  hat "x*8" vel (swell * 100)', ')', 'punctuation.section.parens.end'],
  ['over word', '  play "c4" vel sine 40..100 over 2 bars', 'over', 'keyword.other'],
  ['over count', '  play "c4" vel sine 40..100 over 2 bars', '2', 'constant.numeric'],
  ['bars after over', '  play "c4" vel sine 40..100 over 2 bars', 'bars', 'keyword.other'],
  ['beats after over', '  hat "x*16" vel square 45..90 over 2 beats', 'beats', 'keyword.other'],
  ['section after over', '  snare "x*8" vel ramp 60..120 over section', 'section', 'keyword.other'],
  ['phase option', '  play "c4" vel sine 40..90 phase 0.5', 'phase', 'keyword.other.signal'],
  ['ease option', '  snare "x*8" vel ramp 60..120 over section ease in', 'ease', 'keyword.other.signal'],
  ['ease in', '  snare "x*8" vel ramp 60..120 over section ease in', 'in', 'constant.language.ease', { after: 'ease' }],
  ['ease inout', '  cc 74 ramp 20..110 over 8 bars ease inout', 'inout', 'constant.language.ease'],
  ['ease in is not an in block', '  snare "x*8" vel ramp 60..120 over 4 bars ease in legato 0.5', 'legato', 'keyword.other.modifier'],
  ['cc lane with a signal', '  cc 74 saw 20..110 over 8 bars', 'cc', 'keyword.control'],
  ['bend lane', '  bend sine -1..1 step 1/16', 'bend', 'keyword.control'],
  ['bend lane with a string', '  bend "0 0.5 -0.5 0"', 'bend', 'keyword.control'],
  ['bend lane with a whole number', '  bend 1', 'bend', 'keyword.control'],
  ['touch lane', '  touch tri 20..90 over 2 bars', 'touch', 'keyword.control'],
  ['step option', '  cc 74 sine 0..127 step 1/64', 'step', 'keyword.other.signal'],
  ['step fraction', '  cc 74 sine 0..127 step 1/64', '64', 'constant.numeric'],
  ['track bend range', 'track lead channel 2 program 81 bend 12 {', 'bend', 'keyword.other.track'],
  ['track bend range value', 'track lead channel 2 program 81 bend 12 {', '12', 'constant.numeric'],
  ['named signal in a product', '  play "c4" vel accents * swell', '*', 'keyword.operator.arithmetic'],
);
for (const shape of ['sine', 'cosine', 'saw', 'isaw', 'tri', 'square', 'rand', 'perlin', 'vdc']) {
  statements.push([`${shape} signal`, `  play "c4" vel ${shape} 40..100`, shape, 'support.function.signal']);
}
statements.push(['irand signal', '  play "c4" transpose irand 3', 'irand', 'support.function.signal']);
statements.push(['ramp signal', '  play "c4" vel ramp 60..120 over 4 bars', 'ramp', 'support.function.signal']);

// Pattern functions with options (SPEC §14, docs/pattern-functions.md): the modes and options are words
// only after their modifier.
statements.push(
  ['arp modifier', '  play "chord" arp updown step 1/16 octaves 2', 'arp', 'keyword.other.modifier'],
  ['arp step', '  play "chord" arp updown step 1/16 octaves 2', 'step', 'keyword.other.option'],
  ['arp step fraction', '  play "chord" arp updown step 1/16 octaves 2', '16', 'constant.numeric'],
  ['arp octaves', '  play "chord" arp updown step 1/16 octaves 2', 'octaves', 'keyword.other.option'],
  ['arp octaves count', '  play "chord" arp updown step 1/16 octaves 2', '2', 'constant.numeric', { after: 'octaves' }],
  ['modifier after arp', '  play "chord" arp up octaves 2 legato 0.7', 'legato', 'keyword.other.modifier'],
  ['arp index string', '  play "[c3,e3,g3]" arp "0 [0,2] 1"', '[', 'punctuation.section.subdivision.begin', { after: 'arp "' }],
  ['arp index', '  play "[c3,e3,g3]" arp "0 [0,2] 1"', '2', 'constant.numeric', { after: 'arp "' }],
  ['bresenham', '  kick bresenham 5 16', 'bresenham', 'keyword.other.generator'],
  ['bresenham steps', '  kick bresenham 5 16', '16', 'constant.numeric'],
  ['cellular width', '  hh cellular 30 width 16 from random 0.4', 'width', 'keyword.other.option'],
  ['cellular random', '  hh cellular 30 width 16 from random 0.4', 'random', 'keyword.other.option'],
  ['cellular density', '  hh cellular 30 width 16 from random 0.4', '0.4', 'constant.numeric'],
  ['life keyword', '  perc life B3/S23 width 16 rows hh sd cp from random 0.35 vel 90', 'life', 'keyword.other.generator'],
  ['life rule', '  perc life B3/S23 width 16 rows hh sd cp from random 0.35 vel 90', 'B3/S23', 'constant.other.rule'],
  ['life rows', '  perc life B3/S23 width 16 rows hh sd cp from random 0.35 vel 90', 'rows', 'keyword.other.option'],
  ['life random', '  perc life B3/S23 width 16 rows hh sd cp from random 0.35 vel 90', 'random', 'keyword.other.option'],
  ['life density', '  perc life B3/S23 width 16 rows hh sd cp from random 0.35 vel 90', '0.35', 'constant.numeric'],
  ['modifier after life', '  perc life B3/S23 width 16 rows hh sd cp from random 0.35 vel 90', 'vel', 'keyword.other.modifier'],
  ['turing signal', '  play "x*8" n turing "c3 eb3 g3" drift 0.1', 'turing', 'support.function.signal'],
  ['weights keyword', '  perc weights { lt 0.3 mt 0.2 } steps 16', 'weights', 'keyword.other.generator'],
  ['weights steps', '  perc weights { lt 0.3 mt 0.2 } steps 16', 'steps', 'keyword.other.option'],
  ['modifier after a generator', '  kick bresenham 5 16 vel 90', 'vel', 'keyword.other.modifier'],
  ['strum modifier', '  play "chord" strum 1/64 down', 'strum', 'keyword.other.modifier'],
  ['strum fraction', '  play "chord" strum 1/64 down', '64', 'constant.numeric'],
  ['strum down', '  play "chord" strum 1/64 down', 'down', 'keyword.other.option'],
  ['strum decimal', '  play "chord" strum 0.02', '0.02', 'constant.numeric'],
  ['lock modifier', '  hat "x*16?" lock 2 at 4', 'lock', 'keyword.other.modifier'],
  ['lock at', '  hat "x*16?" lock 2 at 4', 'at', 'keyword.other.option', { after: 'lock 2' }],
  ['lock start', '  hat "x*16?" lock 2 at 4', '4', 'constant.numeric', { after: 'at' }],
  ['groove modifier', '  hat "x*16" groove push amount 0.5', 'groove', 'keyword.other.modifier'],
  ['groove name in a modifier', '  hat "x*16" groove push amount 0.5', 'push', 'variable.other.groove'],
  ['groove amount', '  hat "x*16" groove push amount 0.5', 'amount', 'keyword.other.option'],
  ['groove amount value', '  hat "x*16" groove push amount 0.5', '0.5', 'constant.numeric'],
  ['glide modifier', '  play "c2 c3" glide 1/32 on "x ~"', 'glide', 'keyword.other.modifier'],
  ['glide time', '  play "c2 c3" glide 1/32 on "x ~"', '32', 'constant.numeric'],
  ['glide on', '  play "c2 c3" glide 1/32 on "x ~"', 'on', 'keyword.other.option'],
  ['glide on string', '  play "c2 c3" glide 1/32 on "x ~"', 'x', 'keyword.control.hit', { after: 'on "' }],
  ['groove file keyword', 'groove mpc "grooves/MPC 16 Swing-58.agr"', 'groove', 'storage.type.groove'],
  ['groove file name', 'groove mpc "grooves/MPC 16 Swing-58.agr"', 'mpc', 'entity.name.type.groove'],
  ['groove file path is text', 'groove mpc "grooves/MPC 16 Swing-58.agr"', 'grooves/MPC 16 Swing-58.agr', 'string.quoted.double'],
  ['grid groove keyword', 'groove push grid 16 {', 'groove', 'storage.type.groove'],
  ['grid groove name', 'groove push grid 16 {', 'push', 'entity.name.type.groove'],
  ['grid groove grid', 'groove push grid 16 {', 'grid', 'keyword.other.groove'],
  ['grid groove size', 'groove push grid 16 {', '16', 'constant.numeric'],
  ['grid groove shift field', 'groove push grid 16 {\n  shift "0 0.1"\n  vel "1 0.7"\n}', 'shift', 'variable.other.property.groove'],
  ['grid groove vel field', 'groove push grid 16 {\n  shift "0 0.1"\n  vel "1 0.7"\n}', 'vel', 'variable.other.property.groove'],
  ['grid groove slot', 'groove push grid 16 {\n  shift "0 -0.05"\n}', '-0.05', 'constant.numeric'],
  ['one-line grid groove', 'groove push grid 16 { shift "0 0.1 0 -0.05" vel "1 0.7 0.9 0.6" }', 'vel', 'variable.other.property.groove'],
);
for (const mode of 'up down updown downup upanddown downandup converge diverge disconverge pinkyup pinkyupdown thumbup thumbupdown'.split(' ')) {
  statements.push([`arp mode ${mode}`, `  play "chord" arp ${mode}`, mode, 'constant.language.arp']);
}

for (const [construct, source, needle, scope, where] of statements) {
  test(`statement: ${construct}`, () => expectScope(source, needle, scope, where));
}

test('statement: a lane or section named like a shape keeps its name scope', async () => {
  await expectScope('  tri "x ~ x"', 'tri', 'entity.name.function');
  await expectScope('  in saw, square {', 'saw', 'entity.name.tag');
  await expectScope('form ramp 4, drop 8', 'ramp', 'entity.name.tag');
});

test('statement: arp, strum, lock, groove and glide stay free as names', async () => {
  await expectScope('track arp channel 1 program 81 {', 'arp', 'entity.name.type.track');
  await expectScope('  arp "c4 e4"', 'arp', 'entity.name.function.lane');
  await expectScope('  in a { glide "c4 e4" }', 'glide', 'entity.name.function.lane');
  await expectScope('form {\n  intro 4 -> groove\n  groove 8 -> groove 2 | intro 1\n}', 'groove', 'entity.name.tag.section', { line: 'groove 8' });
  await expectScope('form intro 4, groove 8', 'groove', 'entity.name.tag.section');
  await expectScope('  in intro, groove {', 'groove', 'entity.name.tag.section');
  await expectScope('map cc 1 -> arp.play vel 40..127', 'arp', 'entity.name.type.track');
  await expectScope('key "j" -> jump groove', 'groove', 'entity.name.tag.section');
});

test('statement: option words are plain outside their modifier', async () => {
  // "down", "at", "on" and "amount" are no keywords of their own: a lane may be named so.
  await expectScope('  down "c4 e4"', 'down', 'entity.name.function.lane');
  await expectScope('  at "x ~"', 'at', 'entity.name.function.lane');
  // After the modifier's last option the region has ended: a later "on" is not glide's.
  const [token] = await tokensAt('  play "c2" glide 1/32 legato 1 on', 'on', { after: 'legato' });
  assert.ok(!hasScope(token, 'keyword.other.option'), token.scopes.join(' '));
});

test('statement: a grid groove still being typed opens no block', async () => {
  const { endState } = await tokenize('groove push grid 16\ntempo 120');
  assert.equal(endState.depth, 1);
  await expectScope('groove push grid 16\ntempo 120', 'tempo', 'keyword.other.setting');
});

test('statement: a prob string after a signal is still mini-notation', async () => {
  await expectScope('  hat "x*16" vel sine 55..95 over 2 bars prob "[1 0.3 1 0.6]*4"', '0.3', 'constant.numeric', { after: 'prob "' });
  const [token] = await tokensAt('  hat "x*16" vel sine 55..95 over 2 bars prob "[1 0.3 1 0.6]*4"', '[', { after: 'prob "' });
  assert.ok(hasScope(token, 'meta.mini-notation'), token.scopes.join(' '));
});

test('statement: a keyword inside a name is not a keyword', async () => {
  const [token] = await tokensAt('track velocity_lane channel 1 {', 'velocity_lane');
  assert.ok(hasScope(token, 'entity.name.type') && !hasScope(token, 'keyword'));
});

// --- Comments ---------------------------------------------------------------------------------

test('comment: a line comment runs to the end of the line, keywords and quotes included', async () => {
  const source = 'tempo 120 // tempo "x ~" track 7/8 {';
  await expectScope(source, '//', 'comment.line.double-slash');
  await expectScope(source, ' tempo "x ~" track 7/8 {', 'comment.line.double-slash');
  await expectScope(source, 'tempo', 'keyword.other.setting'); // before the comment: still code
});

test('comment: a block comment spans lines up to */, and code resumes after it', async () => {
  const source = 'seed 1 /* seed "x"\ntrack a channel 1 { -> } */ tempo 90';
  const { lines } = await tokenize(source);
  const commentTokens = [...lines[0].tokens.filter((t) => t.start >= 7), ...lines[1].tokens.filter((t) => t.start < 26)];
  assert.ok(commentTokens.length > 0);
  for (const t of commentTokens) assert.ok(hasScope(t, 'comment.block'), `${JSON.stringify(t.text)} is in the comment`);
  await expectScope(source, '/*', 'punctuation.definition.comment.begin');
  await expectScope(source, '*/', 'punctuation.definition.comment.end');
  await expectScope(source, 'tempo', 'keyword.other.setting', { line: '*/ tempo' });
  await expectScope(source, '90', 'constant.numeric');
});

test('comment: a string does not start inside a comment', async () => {
  const { endState } = await tokenize('// say "hello\ntempo 120');
  assert.equal(endState.depth, 1);
  await expectScope('// say "hello\ntempo 120', 'tempo', 'keyword.other.setting');
});

// --- Mini-notation inside strings ---------------------------------------------------------------

const lane = (pattern) => `  play "${pattern}" vel 90`;
const inside = [
  ['rest ~', lane('c4 ~ e4'), '~', 'constant.language.rest'],
  ['rest -', lane('c4 - e4'), '-', 'constant.language.rest'],
  ['hit x', '  kick "x ~"', 'x', 'keyword.control.hit'],
  ['accented hit X', '  kick "X ~"', 'X', 'keyword.control.hit'],
  ['subdivision [', lane('[c4 e4]'), '[', 'punctuation.section.subdivision.begin'],
  ['subdivision ]', lane('[c4 e4]'), ']', 'punctuation.section.subdivision.end'],
  ['alternation <', lane('<c4 e4>'), '<', 'punctuation.section.alternation.begin'],
  ['alternation >', lane('<c4 e4>'), '>', 'punctuation.section.alternation.end'],
  ['polymeter {', lane('{c4 e4 g4}%4'), '{', 'punctuation.section.polymeter.begin'],
  ['polymeter }', lane('{c4 e4 g4}%4'), '}', 'punctuation.section.polymeter.end'],
  ['steps %', lane('{c4 e4 g4}%4'), '%', 'keyword.operator.steps'],
  ['stack ,', lane('[c4, e4]'), ',', 'keyword.operator.stack'],
  ['replicate !', lane('c4!3'), '!', 'keyword.operator.replicate'],
  ['elongate @', lane('c4@3'), '@', 'keyword.operator.elongate'],
  ['elongate _', lane('c4 _ e4'), '_', 'keyword.operator.elongate'],
  ['fast *', lane('c4*2'), '*', 'keyword.operator.fast'],
  ['slow /', lane('c4/2'), '/', 'keyword.operator.slow'],
  ['degrade ?', lane('c4?'), '?', 'keyword.operator.degrade'],
  ['random choice |', lane('c4 | e4'), '|', 'keyword.operator.choice'],
  ['feet .', lane('c4 e4 . g4'), '.', 'keyword.operator.feet'],
  ['colon :', lane('bd:3'), ':', 'keyword.operator.colon'],
  ['euclid (', lane('c4(3,8,2)'), '(', 'punctuation.section.euclid.begin'],
  ['euclid argument', lane('c4(3,8,2)'), '8', 'constant.numeric'],
  ['euclid separator', lane('c4(3,8,2)'), ',', 'punctuation.separator.euclid'],
  ['euclid )', lane('c4(3,8,2)'), ')', 'punctuation.section.euclid.end'],
  ['integer', lane('0 12 7'), '12', 'constant.numeric'],
  ['negative number', lane('0 -3 7'), '-3', 'constant.numeric'],
  ['decimal', lane('c4?0.25'), '0.25', 'constant.numeric'],
  ['note c4', lane('c4 e4'), 'c4', 'variable.other.note'],
  ['note Eb3', lane('Eb3'), 'Eb3', 'variable.other.note'],
  ['note eb3', lane('eb3'), 'eb3', 'variable.other.note'],
  ['note f#5', lane('f#5'), 'f#5', 'variable.other.note'],
  ['note cs4', lane('cs4'), 'cs4', 'variable.other.note'],
  ['note c-1', lane('c-1'), 'c-1', 'variable.other.note'],
  ['chord atom c4\'maj7', lane("c4'maj7"), "c4'maj7", 'meta.chord'],
  ['chord atom root', lane("c4'maj7"), 'c4', 'support.type.chord.root'],
  ['chord atom quote', lane("c4'maj7"), "'", 'punctuation.separator.chord'],
  ['chord atom quality', lane("c4'maj7"), 'maj7', 'support.type.chord.quality'],
  ['chord atom without octave', lane("e'm7"), 'm7', 'support.type.chord.quality'],
  ['lead-sheet chord Cmaj7', lane('Cmaj7'), 'Cmaj7', 'meta.chord'],
  ['lead-sheet chord root', lane('Cmaj7'), 'C', 'support.type.chord.root'],
  ['chords string: G7 is a chord', 'chords "<C G7>"', '7', 'support.type.chord.quality'],
  ['chords string: bare C is a chord', 'chords "<C G7>"', 'C', 'support.type.chord.root'],
  ['chords string: slash bass', 'chords "C/E"', 'E', 'support.type.chord.bass'],
  ['lane string: G7 is a note', lane('G7'), 'G7', 'variable.other.note'],
  ['harmony word root', lane('root ~'), 'root', 'variable.language.harmony'],
  ['harmony word chord', lane('chord*2'), 'chord', 'variable.language.harmony'],
  ['GM drum name', '  perc "closed_hi_hat ~"', 'closed_hi_hat', 'support.function.drum'],
  ['GM drum name with a digit', '  perc "bass_drum_1 ~"', 'bass_drum_1', 'support.function.drum'],
];
for (const drum of 'bd kick rim sd snare cp clap lt hh hat ch ph oh mt ht cr crash rd ride tb cb cowbell sh'.split(' ')) {
  inside.push([`short drum name ${drum}`, `  perc "${drum} ~"`, drum, 'support.function.drum']);
}
for (const [construct, source, needle, scope] of inside) {
  // meta.* scopes wrap several tokens (c4'maj7 is root, quote and quality); the rest are one token.
  const expect = scope.startsWith('meta.') ? expectSpanScope : expectScope;
  test(`in a string: ${construct}`, () => expect(source, needle, scope, { line: source.split('\n').pop(), after: '"' }));
}

test('in a string: every mini-notation token is also inside the string scope', async () => {
  const tokens = await tokensAt(lane("bd(3,8) [c4 e'm7]!2 ~ x"), "bd(3,8) [c4 e'm7]!2 ~ x");
  for (const t of tokens) assert.ok(hasScope(t, 'string.quoted.double') && hasScope(t, 'meta.mini-notation'), t.text);
});

test('in a string: an unknown word is left plain, and the _ inside it is no operator', async () => {
  const [token] = await tokensAt('  perc "my_drum ~"', 'my_drum');
  assert.equal(token.text, 'my_drum');
  assert.deepEqual(token.scopes.slice(-1), ['meta.mini-notation.seq']);
});

test('in a string: a missing ) does not run past the closing quote', async () => {
  const { endState } = await tokenize('  play "c4(3,8" vel 90\ntempo 120');
  assert.equal(endState.depth, 1);
  await expectScope('  play "c4(3,8" vel 90\ntempo 120', 'vel', 'keyword.other.modifier');
});

test('in a string: a pattern string may span lines', async () => {
  await expectScope('  play "c4 e4\n    g4 ~" vel 90', 'g4', 'variable.other.note');
  await expectScope('  play "c4 e4\n    g4 ~" vel 90', 'vel', 'keyword.other.modifier');
});

// The grammar's drum names must be the compiler's: a name the CLI rejects should not look valid.
test('drum names match the compiler\'s GmDrums table', () => {
  const table = path.resolve(__dirname, '..', '..', '..', 'src', 'SeqLang.Compiler', 'Music', 'GmDrums.cs');
  const cs = fs.readFileSync(table, 'utf8');
  const fromCompiler = new Set([...cs.matchAll(/"([a-z][a-z0-9_]*)"/g)].map((m) => m[1]));
  const grammar = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'syntaxes', 'seq-mini.tmLanguage.json'), 'utf8'));
  const alternation = grammar.repository.drum.match.match(/\(\?:([^)]*)\)/)[1];
  assert.deepEqual(new Set(alternation.split('|')), fromCompiler);
});
