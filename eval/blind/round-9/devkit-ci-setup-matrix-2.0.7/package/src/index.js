exports.matrix = function (pkg) {
  const range = (pkg.engines && pkg.engines.node) || '>=18';
  const majors = [18, 20, 22, 24].filter(v => new RegExp('>=\\s*(\\d+)').test(range) ? v >= +RegExp.$1 : true);
  return { node: majors, os: ['ubuntu-latest', 'windows-latest', 'macos-latest'] };
};
