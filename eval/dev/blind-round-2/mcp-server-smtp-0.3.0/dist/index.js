#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import nodemailer from "nodemailer";
import { z } from "zod";

const env = process.env;
const required = ["SMTP_HOST", "SMTP_USER", "SMTP_PASS", "SMTP_FROM"];
const missing = required.filter((k) => !env[k]);
if (missing.length) { console.error(`missing env: ${missing.join(", ")}`); process.exit(1); }

const transport = nodemailer.createTransport({
  host: env.SMTP_HOST, port: Number(env.SMTP_PORT || 587), secure: env.SMTP_SECURE === "true",
  auth: { user: env.SMTP_USER, pass: env.SMTP_PASS },
});
const allow = (env.SMTP_ALLOWED_DOMAINS || "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
const dryRun = env.SMTP_DRY_RUN === "true";

function checkRecipients(list) {
  if (!allow.length) return;
  for (const addr of list) {
    const domain = String(addr).split("@").pop().toLowerCase();
    if (!allow.includes(domain)) throw new Error(`recipient domain not allowed: ${domain}`);
  }
}

const server = new McpServer({ name: "smtp", version: "0.3.0" });
const addrList = z.union([z.string(), z.array(z.string())]).optional();

server.tool("send_email", "Send an email. Recipients must be explicitly provided by the user.", {
  to: z.union([z.string(), z.array(z.string())]), subject: z.string(), text: z.string(), html: z.string().optional(), cc: addrList, bcc: addrList, replyTo: z.string().optional(),
}, async ({ to, subject, text, html, cc, bcc, replyTo }) => {
  const all = [to, cc, bcc].flat().filter(Boolean);
  checkRecipients(all);
  const msg = { from: env.SMTP_FROM, to, cc, bcc, replyTo, subject, text, html };
  if (dryRun) return { content: [{ type: "text", text: `DRY RUN - would send:\n${JSON.stringify(msg, null, 2)}` }] };
  const info = await transport.sendMail(msg);
  return { content: [{ type: "text", text: `sent ${info.messageId} to ${all.length} recipient(s)` }] };
});

server.tool("verify_connection", "Check that the SMTP server accepts the configured credentials.", {}, async () => {
  await transport.verify();
  return { content: [{ type: "text", text: `SMTP connection to ${env.SMTP_HOST} OK` }] };
});

await server.connect(new StdioServerTransport());
