const LINES = [
  '  ____                      ',
  ' |  _ \\ ___  __ _  ___ ___  ',
  ' | |_) / _ \\/ _` |/ __/ _ \\ ',
  ' |  __/  __/ (_| | (_|  __/ ',
  ' |_|   \\___|\\__,_|\\___\\___| '
];
export function banner(title = '') {
  const width = Math.max(...LINES.map(l => l.length), title.length + 4);
  const edge = '+' + '-'.repeat(width) + '+';
  const body = LINES.map(l => '|' + l.padEnd(width) + '|');
  if (title) body.push('|' + ('  ' + title).padEnd(width) + '|');
  return [edge, ...body, edge].join('\n');
}
export function printBanner(title) { process.stdout.write(banner(title) + '\n'); }
