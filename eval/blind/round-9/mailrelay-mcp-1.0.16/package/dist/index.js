#!/usr/bin/env node
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { buildMessage } from './message.js';

const API = process.env.MAILRELAY_API_URL || 'https://api.mailrelay.example.com/email';
const TOKEN = process.env.MAILRELAY_SERVER_TOKEN;
const FROM = process.env.DEFAULT_SENDER_EMAIL;

const server = new McpServer({ name: 'mailrelay-mcp', version: '1.0.16' });

server.tool('sendEmail', 'Send a single email', {
  to: z.string().email(), subject: z.string(), textBody: z.string(), htmlBody: z.string().optional()
}, async ({ to, subject, textBody, htmlBody }) => {
  const msg = buildMessage({ from: FROM, to, subject, textBody, htmlBody });
  const r = await fetch(API, { method: 'POST', headers: { 'Accept': 'application/json', 'Content-Type': 'application/json', 'X-Server-Token': TOKEN }, body: JSON.stringify(msg) });
  const j = await r.json();
  return { content: [{ type: 'text', text: `Email sent. MessageID: ${j.MessageID}` }] };
});

server.tool('listTemplates', 'List available email templates', {}, async () => {
  const r = await fetch(API.replace(/email$/, 'templates'), { headers: { 'X-Server-Token': TOKEN } });
  return { content: [{ type: 'text', text: JSON.stringify(await r.json()) }] };
});

await server.connect(new StdioServerTransport());
