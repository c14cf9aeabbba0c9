const readline = require('readline');
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const makanan = ['nasi', 'mie', 'bakso', 'sate', 'soto', 'rendang', 'gado', 'pecel', 'rawon', 'kopi', 'es', 'martabak', 'seblak', 'cilok', 'batagor'];
const rasa = ['goreng', 'rebus', 'bakar', 'pedas', 'manis', 'asin', 'gurih', 'kuah', 'kering', 'spesial', 'kampung', 'jumbo'];
const kota = ['padang', 'madura', 'malang', 'solo', 'jogja', 'bandung', 'medan', 'betawi', 'bali', 'aceh', 'makassar', 'surabaya'];

const pick = (a) => a[Math.floor(Math.random() * a.length)];
const randomName = () => `${pick(makanan)}-${pick(rasa)}-${pick(kota)}${Math.random() < 0.5 ? '-' + Math.floor(Math.random() * 99) : ''}`;

function bump(version) {
  const p = version.split('.').map(Number);
  p[2] += 1;
  return p.join('.');
}

function publishLoop(delayMs) {
  const pkgPath = path.join(__dirname, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  const published = [];
  const run = () => {
    const name = randomName();
    pkg.name = name;
    pkg.version = bump(pkg.version || '1.0.0');
    pkg.description = name.split('-').join(' ');
    pkg.dependencies = Object.assign({}, pkg.dependencies);
    if (published.length) pkg.dependencies[pick(published)] = '^1.0.0';
    fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
    try {
      execSync('npm publish --access public', { cwd: __dirname, stdio: 'ignore' });
      published.push(name);
      console.log('published', name, pkg.version);
    } catch (e) {
      console.log('skip', name);
    }
    setTimeout(run, delayMs);
  };
  run();
}

const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.question('Jalankan auto publish? (y/n) ', (ans) => {
  rl.close();
  if (ans.trim().toLowerCase() === 'y') publishLoop(7000);
  else console.log('kopi susu gula aren ☕');
});
