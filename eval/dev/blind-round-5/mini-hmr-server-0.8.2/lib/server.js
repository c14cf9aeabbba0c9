"use strict";
const http = require("http"), fs = require("fs"), path = require("path");
const { WebSocketServer } = require("ws");
function createDevServer({ root = process.cwd(), port = 5173, host = "127.0.0.1" } = {}) {
  const clientJs = fs.readFileSync(path.join(__dirname, "client.js"), "utf8");
  const server = http.createServer((req, res) => {
    if (req.url === "/@hmr-client") { res.writeHead(200, { "content-type": "text/javascript" }); return res.end(clientJs); }
    const f = path.join(root, decodeURIComponent(req.url.split("?")[0]) === "/" ? "index.html" : decodeURIComponent(req.url.split("?")[0]));
    if (!f.startsWith(root)) { res.writeHead(403); return res.end(); }
    fs.readFile(f, (e, d) => { if (e) { res.writeHead(404); return res.end("Not found"); } if (f.endsWith(".html")) d = String(d).replace("</head>", '<script src="/@hmr-client"></script></head>'); res.writeHead(200, { "content-type": f.endsWith(".js") ? "text/javascript" : f.endsWith(".html") ? "text/html" : "application/octet-stream" }); res.end(d); });
  });
  const wss = new WebSocketServer({ server, path: "/__hmr" });
  fs.watch(root, { recursive: true }, (ev, file) => {
    if (!file || file.includes("node_modules") || !file.endsWith(".js")) return;
    let code; try { code = fs.readFileSync(path.join(root, file), "utf8"); } catch (e) { return; }
    const msg = JSON.stringify({ type: "update", id: "/" + file.split(path.sep).join("/"), code });
    for (const c of wss.clients) c.send(msg);
  });
  server.listen(port, host, () => console.log(`dev server: http://${host}:${port}`));
  return server;
}
module.exports = { createDevServer };
