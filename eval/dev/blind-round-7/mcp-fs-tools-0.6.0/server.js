#!/usr/bin/env node
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import fs from 'node:fs/promises';
import path from 'node:path';

const roots = process.argv.slice(2).map((p) => path.resolve(p));
if (!roots.length) {
  console.error('usage: mcp-fs-tools <allowed-dir> [more-dirs...]');
  process.exit(2);
}
const DENY = [/(^|\/)\.env(\.|$)/, /(^|\/)\.ssh(\/|$)/, /(^|\/)\.git\/config$/, /\.pem$/, /id_(rsa|ed25519|ecdsa)/];

async function safe(p) {
  const real = await fs.realpath(path.resolve(p));
  if (!roots.some((r) => real === r || real.startsWith(r + path.sep))) throw new Error('path outside allowed directories');
  if (DENY.some((re) => re.test(real))) throw new Error('path is on the deny list');
  return real;
}

const server = new McpServer({ name: 'mcp-fs-tools', version: '0.6.0' });

server.tool('list_directory', 'List entries of a directory inside the allowed roots.', { path: z.string() }, async ({ path: p }) => {
  const dir = await safe(p);
  const ents = await fs.readdir(dir, { withFileTypes: true });
  return { content: [{ type: 'text', text: ents.map((e) => (e.isDirectory() ? '[DIR] ' : '[FILE] ') + e.name).join('\n') }] };
});

server.tool('read_text_file', 'Read a UTF-8 text file (max 1 MB) inside the allowed roots.', { path: z.string() }, async ({ path: p }) => {
  const f = await safe(p);
  const st = await fs.stat(f);
  if (st.size > 1 << 20) throw new Error('file too large');
  return { content: [{ type: 'text', text: await fs.readFile(f, 'utf8') }] };
});

server.tool('list_allowed_roots', 'Show which directories this server may read.', {}, async () => ({ content: [{ type: 'text', text: roots.join('\n') }] }));

await server.connect(new StdioServerTransport());
