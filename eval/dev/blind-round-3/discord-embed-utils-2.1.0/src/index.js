'use strict';
const LIMITS = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, author: 256, total: 6000 };
class EmbedBuilder {
  constructor(data = {}) { this.data = { ...data }; }
  setTitle(t) { this.data.title = String(t).slice(0, LIMITS.title); return this; }
  setDescription(d) { this.data.description = String(d).slice(0, LIMITS.description); return this; }
  setColor(c) { this.data.color = typeof c === 'string' ? parseInt(c.replace('#', ''), 16) : c; return this; }
  setURL(u) { this.data.url = u; return this; }
  setTimestamp(ts = Date.now()) { this.data.timestamp = new Date(ts).toISOString(); return this; }
  addFields(...fields) {
    this.data.fields = (this.data.fields || []).concat(fields.flat().map(f => ({ name: String(f.name).slice(0, LIMITS.fieldName), value: String(f.value).slice(0, LIMITS.fieldValue), inline: !!f.inline })));
    if (this.data.fields.length > LIMITS.fields) throw new RangeError('An embed may have at most 25 fields');
    return this;
  }
  setFooter({ text, iconURL }) { this.data.footer = { text: String(text).slice(0, LIMITS.footer), icon_url: iconURL }; return this; }
  toJSON() {
    const total = ['title', 'description'].reduce((n, k) => n + (this.data[k] || '').length, 0) + (this.data.fields || []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    if (total > LIMITS.total) throw new RangeError('Embed exceeds 6000 characters');
    return { ...this.data };
  }
}
function button({ id, label, style = 1, url }) { return url ? { type: 2, style: 5, label, url } : { type: 2, style, label, custom_id: id }; }
function row(...components) { return { type: 1, components }; }
const commands = require('./commands');
module.exports = Object.assign({ EmbedBuilder, button, row, LIMITS }, commands);
