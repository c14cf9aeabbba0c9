import WebSocket from 'ws';
import { EventEmitter } from 'node:events';

const API = 'https://discord.com/api/v10';
const GATEWAY = 'wss://gateway.discord.gg/?v=10&encoding=json';
const OP = { DISPATCH: 0, HEARTBEAT: 1, IDENTIFY: 2, RESUME: 6, RECONNECT: 7, INVALID_SESSION: 9, HELLO: 10, HEARTBEAT_ACK: 11 };

export class Bot extends EventEmitter {
  constructor({ token = process.env.DISCORD_BOT_TOKEN, intents = 1 << 9 } = {}) {
    super();
    if (!token) throw new Error('discordbot-lite: set DISCORD_BOT_TOKEN or pass { token }');
    this.token = token;
    this.intents = intents;
    this.seq = null;
    this.sessionId = null;
  }

  async rest(method, path, body) {
    const res = await fetch(API + path, {
      method,
      headers: { Authorization: `Bot ${this.token}`, 'Content-Type': 'application/json', 'User-Agent': 'DiscordBot (discordbot-lite, 0.9.1)' },
      body: body ? JSON.stringify(body) : undefined
    });
    if (res.status === 429) {
      const { retry_after } = await res.json();
      await new Promise((r) => setTimeout(r, retry_after * 1000));
      return this.rest(method, path, body);
    }
    if (!res.ok) throw new Error(`Discord API ${res.status}: ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  }

  login() {
    this.ws = new WebSocket(GATEWAY);
    this.ws.on('message', (raw) => this.#onMessage(JSON.parse(raw)));
    this.ws.on('close', (code) => { clearInterval(this.hb); this.emit('close', code); });
    return this;
  }

  #send(op, d) { this.ws.send(JSON.stringify({ op, d })); }

  #onMessage({ op, d, s, t }) {
    if (s) this.seq = s;
    switch (op) {
      case OP.HELLO:
        this.hb = setInterval(() => this.#send(OP.HEARTBEAT, this.seq), d.heartbeat_interval);
        this.#send(OP.IDENTIFY, { token: this.token, intents: this.intents, properties: { os: process.platform, browser: 'discordbot-lite', device: 'discordbot-lite' } });
        break;
      case OP.DISPATCH:
        if (t === 'READY') this.sessionId = d.session_id;
        this.emit(t, d);
        if (t === 'INTERACTION_CREATE' && d.type === 2) this.emit('command', d);
        break;
      case OP.RECONNECT:
      case OP.INVALID_SESSION:
        this.ws.close(4000);
        setTimeout(() => this.login(), 1000 + Math.random() * 4000);
        break;
      default:
        break;
    }
  }

  reply(interaction, content, { ephemeral = false } = {}) {
    return this.rest('POST', `/interactions/${interaction.id}/${interaction.token}/callback`, { type: 4, data: { content, flags: ephemeral ? 64 : 0 } });
  }

  registerCommands(appId, commands, guildId) {
    const path = guildId ? `/applications/${appId}/guilds/${guildId}/commands` : `/applications/${appId}/commands`;
    return this.rest('PUT', path, commands);
  }
}

export default Bot;
