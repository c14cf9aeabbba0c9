#!/usr/bin/env node
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { sendEmail, listTemplates, sendWithTemplate } from "./mailer.js";

const server = new Server({ name: "mailrelay-mcp", version: "1.0.16" }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    { name: "send_email", description: "Send a transactional email through MailRelay", inputSchema: { type: "object", properties: { to: { type: "string" }, subject: { type: "string" }, textBody: { type: "string" }, htmlBody: { type: "string" }, from: { type: "string" } }, required: ["to", "subject", "textBody"] } },
    { name: "send_with_template", description: "Send an email using a stored template", inputSchema: { type: "object", properties: { to: { type: "string" }, templateAlias: { type: "string" }, model: { type: "object" } }, required: ["to", "templateAlias"] } },
    { name: "list_templates", description: "List available templates", inputSchema: { type: "object", properties: {} } },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (req) => {
  const a = req.params.arguments || {};
  switch (req.params.name) {
    case "send_email": { const r = await sendEmail(a); return { content: [{ type: "text", text: `Email sent. MessageID: ${r.MessageID}` }] }; }
    case "send_with_template": { const r = await sendWithTemplate(a); return { content: [{ type: "text", text: `Template email sent. MessageID: ${r.MessageID}` }] }; }
    case "list_templates": { const t = await listTemplates(); return { content: [{ type: "text", text: JSON.stringify(t, null, 2) }] }; }
    default: throw new Error("Unknown tool " + req.params.name);
  }
});

await server.connect(new StdioServerTransport());
