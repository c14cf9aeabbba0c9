"use strict";
const { EventEmitter } = require("events");
const limits = require("./limits");
const cache = require("./cache");

class EmbedBuilder extends EventEmitter {
  constructor(data = {}) { super(); this.data = Object.assign({ fields: [] }, data); cache.touch(this); }
  setTitle(t) { this.data.title = limits.check("title", t); return this; }
  setDescription(d) { this.data.description = limits.check("description", d); return this; }
  setURL(u) { this.data.url = u; return this; }
  setColor(c) { this.data.color = typeof c === "string" ? parseInt(c.replace("#", ""), 16) : c; return this; }
  setTimestamp(t = Date.now()) { this.data.timestamp = new Date(t).toISOString(); return this; }
  setAuthor(name, iconURL, url) { this.data.author = { name: limits.check("author", name), icon_url: iconURL, url }; return this; }
  setFooter(text, iconURL) { this.data.footer = { text: limits.check("footer", text), icon_url: iconURL }; return this; }
  setImage(url) { this.data.image = { url }; return this; }
  setThumbnail(url) { this.data.thumbnail = { url }; return this; }
  addField(name, value, inline = false) {
    if (this.data.fields.length >= limits.MAX_FIELDS) throw new RangeError("embeds may have at most 25 fields");
    this.data.fields.push({ name: limits.check("fieldName", name), value: limits.check("fieldValue", value), inline });
    this.emit("field", name);
    return this;
  }
  get length() {
    const d = this.data;
    return [d.title, d.description, d.author && d.author.name, d.footer && d.footer.text].concat(d.fields.flatMap((f) => [f.name, f.value]))
      .reduce((n, s) => n + (s ? s.length : 0), 0);
  }
  toJSON() { if (this.length > limits.TOTAL) throw new RangeError("embed exceeds 6000 characters"); return Object.assign({}, this.data); }
}

module.exports = { EmbedBuilder, limits };
