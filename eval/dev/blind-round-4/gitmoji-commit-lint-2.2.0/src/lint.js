'use strict';
const EMOJI = /^(:[a-z0-9_+-]+:|[\u{1F300}-\u{1FAFF}\u2600-\u27BF])\s/u;
function lint(message) {
  const errs = [];
  const [subject, blank, ...rest] = message.split('\n');
  if (!EMOJI.test(subject)) errs.push('subject must start with a gitmoji');
  if (subject.length > 72) errs.push('subject longer than 72 characters');
  if (rest.length && blank !== '') errs.push('second line must be blank');
  return errs;
}
module.exports = { lint };
