import http from "node:http";

const port = Number(process.env.PORT ?? 3000);
const server = http.createServer((req, res) => {
  if (req.url === "/healthz") { res.writeHead(200).end("ok"); return; }
  res.writeHead(404).end();
});
server.listen(port, () => console.log(`__NAME__ listening on ${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
