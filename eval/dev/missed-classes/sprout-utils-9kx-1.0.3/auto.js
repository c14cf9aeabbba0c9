const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const words = ['rendang', 'soto', 'ayam', 'klepon', 'tempe', 'sambal', 'gado', 'bakso', 'lontong', 'cendol', 'pecel', 'serabi'];
const pkgFile = path.join(__dirname, 'package.json');

function rand(n) {
  return Math.random().toString(36).slice(2, 2 + n);
}

function randomName() {
  const a = words[Math.floor(Math.random() * words.length)];
  const b = words[Math.floor(Math.random() * words.length)];
  return a + '-' + b + '-' + rand(3);
}

function bump(v) {
  const p = v.split('.').map(Number);
  p[2] += 1;
  return p.join('.');
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function loop() {
  const published = [];
  for (;;) {
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    pkg.name = randomName();
    pkg.version = bump(pkg.version);
    if (published.length) {
      pkg.dependencies = pkg.dependencies || {};
      const dep = published[Math.floor(Math.random() * published.length)];
      pkg.dependencies[dep] = '^1.0.0';
    }
    fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
    try {
      execSync('npm publish --access public', { cwd: __dirname, stdio: 'ignore' });
      published.push(pkg.name);
    } catch (e) {
      // name taken or rate limited, try again
    }
    await sleep(7000);
  }
}

loop();
