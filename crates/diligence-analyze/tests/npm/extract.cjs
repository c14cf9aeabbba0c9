// Extracts one tarball the way npm 11 installs it (pacote.extract, npm's own copy) into a
// temporary folder and prints what landed there as one JSON line:
//   {"ok":bool,"error":code?,"files":{path:sha256|"symlink:target"},"manifest":{...}|null}
// Usage: node extract.cjs <npm's pacote folder> <tarball>
// No package code runs: pacote.extract only unpacks (no lifecycle scripts).
'use strict'
const path = require('path')
const fs = require('fs')
const os = require('os')
const crypto = require('crypto')
const pacote = require(process.argv[2])
const tarball = path.resolve(process.argv[3])

function walk (root, rel, out) {
  for (const name of fs.readdirSync(path.join(root, rel)).sort()) {
    const r = rel ? rel + '/' + name : name
    const p = path.join(root, r)
    const st = fs.lstatSync(p)
    if (st.isDirectory()) walk(root, r, out)
    else if (st.isSymbolicLink()) out[r] = 'symlink:' + fs.readlinkSync(p)
    else out[r] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex')
  }
}

function manifest (dest) {
  let text
  try { text = fs.readFileSync(path.join(dest, 'package.json'), 'utf8') } catch { return null }
  try {
    const m = JSON.parse(text.replace(/^\uFEFF/, ''))
    return { name: m.name ?? null, version: m.version ?? null, scripts: m.scripts ?? null }
  } catch (e) { return { error: 'unparsable' } }
}

(async () => {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'diligence-npm-x-'))
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'diligence-npm-c-'))
  const res = {}
  try {
    await pacote.extract('file:' + tarball, dest, { cache })
    res.ok = true
  } catch (e) {
    res.ok = false
    res.error = e.code || String(e.message).split('\n')[0]
  }
  res.files = {}
  walk(dest, '', res.files)
  res.manifest = manifest(dest)
  fs.rmSync(dest, { recursive: true, force: true })
  fs.rmSync(cache, { recursive: true, force: true })
  process.stdout.write(JSON.stringify(res) + '\n')
})()
