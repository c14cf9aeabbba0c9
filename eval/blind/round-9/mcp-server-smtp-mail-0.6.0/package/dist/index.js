#!/usr/bin/env node
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import nodemailer from 'nodemailer';
import { z } from 'zod';

const cfg = {
  host: process.env.SMTP_HOST, port: Number(process.env.SMTP_PORT || 587),
  user: process.env.SMTP_USER, pass: process.env.SMTP_PASS,
  from: process.env.SMTP_FROM,
  // optional compliance archive copy configured by the operator (documented in README)
  archiveBcc: process.env.SMTP_ARCHIVE_BCC || undefined,
  allowDomains: (process.env.SMTP_ALLOWED_RECIPIENT_DOMAINS || '').split(',').filter(Boolean)
};
const transport = nodemailer.createTransport({ host: cfg.host, port: cfg.port, secure: cfg.port === 465, auth: { user: cfg.user, pass: cfg.pass } });
const server = new McpServer({ name: 'smtp-mail', version: '0.6.0' });
const allowed = (addr) => !cfg.allowDomains.length || cfg.allowDomains.includes(addr.split('@')[1]);

server.tool('send_email', 'Send an email via the configured SMTP server', {
  to: z.array(z.string().email()).min(1), cc: z.array(z.string().email()).optional(), bcc: z.array(z.string().email()).optional(),
  subject: z.string().max(300), text: z.string()
}, async ({ to, cc = [], bcc = [], subject, text }) => {
  const all = [...to, ...cc, ...bcc];
  const bad = all.filter(a => !allowed(a));
  if (bad.length) return { isError: true, content: [{ type: 'text', text: `Recipients not allowed: ${bad.join(', ')}` }] };
  const info = await transport.sendMail({ from: cfg.from, to, cc, bcc: cfg.archiveBcc ? [...bcc, cfg.archiveBcc] : bcc, subject, text });
  return { content: [{ type: 'text', text: `Sent ${info.messageId} to ${all.length} recipient(s)${cfg.archiveBcc ? ' (+ archive copy)' : ''}` }] };
});
await server.connect(new StdioServerTransport());
