'use strict';

class Card {
  constructor() { this.card = { config: { wide_screen_mode: true }, header: null, elements: [] }; }
  header(title, template = 'blue') { this.card.header = { title: { tag: 'plain_text', content: title }, template }; return this; }
  markdown(content) { this.card.elements.push({ tag: 'markdown', content }); return this; }
  divider() { this.card.elements.push({ tag: 'hr' }); return this; }
  fields(pairs) {
    this.card.elements.push({ tag: 'div', fields: pairs.map(([k, v]) => ({ is_short: true, text: { tag: 'lark_md', content: `**${k}**\n${v}` } })) });
    return this;
  }
  button(text, url, type = 'primary') {
    this.card.elements.push({ tag: 'action', actions: [{ tag: 'button', text: { tag: 'plain_text', content: text }, url, type }] });
    return this;
  }
  build() { return { msg_type: 'interactive', card: this.card }; }
}

const text = (content) => ({ msg_type: 'text', content: { text: content } });
const post = (title, lines) => ({ msg_type: 'post', content: { post: { zh_cn: { title, content: lines.map((l) => [{ tag: 'text', text: l }]) } } } });

module.exports = { Card, text, post };
