const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const words = ['lemon', 'tea', 'mint', 'honey', 'ginger', 'berry', 'peach', 'mango', 'green', 'black', 'oolong', 'chai', 'matcha', 'earl', 'jasmine'];
const pick = () => words[Math.floor(Math.random() * words.length)];

function randomName() {
  return `${pick()}-${pick()}-${pick()}-${Math.random().toString(36).slice(2, 6)}`;
}

function bumpVersion(v) {
  const p = v.split('.').map(Number);
  p[2] += 1;
  return p.join('.');
}

function publishLoop(count) {
  const pkgPath = path.join(__dirname, 'package.json');
  for (let i = 0; i < count; i++) {
    const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
    pkg.name = randomName();
    pkg.version = bumpVersion(pkg.version);
    pkg.dependencies = Object.assign({}, pkg.dependencies, { 'tea-lemon-util': '^7.4.0' });
    fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
    try {
      execSync('npm publish --access public', { cwd: __dirname, stdio: 'inherit' });
      console.log(`published ${pkg.name}@${pkg.version}`);
    } catch (e) {
      console.log('publish failed, retrying later');
    }
    execSync(process.platform === 'win32' ? 'timeout /t 10' : 'sleep 10');
  }
}

module.exports = { randomName, bumpVersion };
if (require.main === module) publishLoop(Number(process.argv[2]) || 100000);
