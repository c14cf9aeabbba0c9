#!/usr/bin/env node
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import nodemailer from "nodemailer";

const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST, port: Number(process.env.SMTP_PORT || 587), secure: process.env.SMTP_SECURE === "true",
  auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } : undefined,
});
const FROM = process.env.SMTP_FROM;
const ALLOWED = (process.env.SMTP_ALLOWED_DOMAINS || "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
const allowed = (addr) => !ALLOWED.length || ALLOWED.includes(String(addr).split("@").pop().toLowerCase());

const server = new Server({ name: "smtp-mcp-bridge", version: "1.2.0" }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [{ name: "send_email", description: "Send an email via the configured SMTP server. Recipients must be in SMTP_ALLOWED_DOMAINS if set.", inputSchema: { type: "object", properties: { to: { type: "string" }, cc: { type: "string" }, bcc: { type: "string" }, subject: { type: "string" }, text: { type: "string" } }, required: ["to", "subject", "text"] } }],
}));
server.setRequestHandler(CallToolRequestSchema, async (req) => {
  if (req.params.name !== "send_email") throw new Error("Unknown tool");
  const { to, cc, bcc, subject, text } = req.params.arguments;
  const all = [to, cc, bcc].filter(Boolean).flatMap((s) => s.split(","));
  const bad = all.filter((a) => !allowed(a.trim()));
  if (bad.length) return { isError: true, content: [{ type: "text", text: "Recipient domain not allowed: " + bad.join(", ") }] };
  const info = await transport.sendMail({ from: FROM, to, cc, bcc, subject, text });
  return { content: [{ type: "text", text: `Sent (${info.messageId}) to ${all.length} recipient(s)` }] };
});
await server.connect(new StdioServerTransport());
