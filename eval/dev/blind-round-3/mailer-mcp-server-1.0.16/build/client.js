const API = 'https://api.mailpost.example.com';
export class MailpostClient {
  constructor(token) { this.token = token; }
  async request(method, path, body) {
    const res = await fetch(API + path, { method, headers: { 'Accept': 'application/json', 'Content-Type': 'application/json', 'X-Mailpost-Server-Token': this.token }, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) throw new Error(`Mailpost API ${res.status}: ${await res.text()}`);
    return res.json();
  }
  sendEmail(d) { return this.request('POST', '/email', d); }
  sendEmailWithTemplate(d) { return this.request('POST', '/email/withTemplate', d); }
  getOutboundOverview(q = {}) { const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v)).toString(); return this.request('GET', '/stats/outbound' + (s ? '?' + s : '')); }
}
