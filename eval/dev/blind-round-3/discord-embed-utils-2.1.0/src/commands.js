'use strict';
const OptionType = { SUB_COMMAND: 1, SUB_COMMAND_GROUP: 2, STRING: 3, INTEGER: 4, BOOLEAN: 5, USER: 6, CHANNEL: 7, ROLE: 8, MENTIONABLE: 9, NUMBER: 10, ATTACHMENT: 11 };
const NAME_RE = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function assertName(name) {
  if (!NAME_RE.test(name) || name !== name.toLowerCase()) throw new RangeError(`Invalid command/option name: ${name}`);
}
function assertDescription(d) {
  if (typeof d !== 'string' || d.length < 1 || d.length > 100) throw new RangeError('Description must be 1-100 characters');
}

class OptionBuilder {
  constructor(type) { this.data = { type, required: false }; }
  setName(n) { assertName(n); this.data.name = n; return this; }
  setDescription(d) { assertDescription(d); this.data.description = d; return this; }
  setRequired(r = true) { this.data.required = !!r; return this; }
  addChoices(...choices) {
    if (![OptionType.STRING, OptionType.INTEGER, OptionType.NUMBER].includes(this.data.type)) throw new TypeError('Choices are only valid for string/integer/number options');
    this.data.choices = (this.data.choices || []).concat(choices.flat());
    if (this.data.choices.length > 25) throw new RangeError('At most 25 choices');
    return this;
  }
  setMinValue(v) { this.data.min_value = v; return this; }
  setMaxValue(v) { this.data.max_value = v; return this; }
  setMinLength(v) { this.data.min_length = v; return this; }
  setMaxLength(v) { this.data.max_length = v; return this; }
  setAutocomplete(a = true) { if (this.data.choices) throw new Error('Autocomplete cannot be combined with choices'); this.data.autocomplete = a; return this; }
  addChannelTypes(...t) { this.data.channel_types = (this.data.channel_types || []).concat(t.flat()); return this; }
  toJSON() { if (!this.data.name || !this.data.description) throw new Error('Option requires name and description'); return { ...this.data }; }
}

class SlashCommandBuilder {
  constructor() { this.data = { type: 1, options: [] }; }
  setName(n) { assertName(n); this.data.name = n; return this; }
  setDescription(d) { assertDescription(d); this.data.description = d; return this; }
  setDefaultMemberPermissions(p) { this.data.default_member_permissions = p == null ? null : String(p); return this; }
  setDMPermission(v) { this.data.dm_permission = !!v; return this; }
  setNSFW(v = true) { this.data.nsfw = !!v; return this; }
  _add(type, fn) {
    const o = new OptionBuilder(type); fn(o);
    if (this.data.options.length >= 25) throw new RangeError('At most 25 options');
    const json = o.toJSON();
    if (json.required && this.data.options.some(x => !x.required)) throw new Error('Required options must come before optional ones');
    this.data.options.push(json); return this;
  }
  addStringOption(fn) { return this._add(OptionType.STRING, fn); }
  addIntegerOption(fn) { return this._add(OptionType.INTEGER, fn); }
  addNumberOption(fn) { return this._add(OptionType.NUMBER, fn); }
  addBooleanOption(fn) { return this._add(OptionType.BOOLEAN, fn); }
  addUserOption(fn) { return this._add(OptionType.USER, fn); }
  addChannelOption(fn) { return this._add(OptionType.CHANNEL, fn); }
  addRoleOption(fn) { return this._add(OptionType.ROLE, fn); }
  addAttachmentOption(fn) { return this._add(OptionType.ATTACHMENT, fn); }
  addSubcommand(fn) {
    const sub = new SlashCommandBuilder(); fn(sub);
    this.data.options.push({ type: OptionType.SUB_COMMAND, name: sub.data.name, description: sub.data.description, options: sub.data.options });
    return this;
  }
  toJSON() {
    if (!this.data.name || !this.data.description) throw new Error('Command requires name and description');
    const size = JSON.stringify(this.data).length;
    if (size > 8000) throw new RangeError('Command payload too large');
    return JSON.parse(JSON.stringify(this.data));
  }
}

function selectMenu({ id, placeholder, options, min = 1, max = 1 }) {
  if (!options || !options.length || options.length > 25) throw new RangeError('Select menus need 1-25 options');
  return { type: 3, custom_id: id, placeholder, min_values: min, max_values: max, options: options.map(o => ({ label: String(o.label).slice(0, 100), value: String(o.value).slice(0, 100), description: o.description, default: !!o.default })) };
}

function modal({ id, title, inputs }) {
  return { custom_id: id, title: String(title).slice(0, 45), components: inputs.map(i => ({ type: 1, components: [{ type: 4, custom_id: i.id, label: i.label, style: i.paragraph ? 2 : 1, min_length: i.min, max_length: i.max, required: i.required !== false, placeholder: i.placeholder }] })) };
}

function parseInteraction(body) {
  const data = body.data || {};
  const flat = {};
  const walk = (opts, prefix) => { for (const o of opts || []) { if (o.type === 1 || o.type === 2) { flat.__sub = prefix ? `${prefix} ${o.name}` : o.name; walk(o.options, flat.__sub); } else flat[o.name] = o.value; } };
  walk(data.options, '');
  return { type: body.type, command: data.name, subcommand: flat.__sub, options: flat, user: (body.member && body.member.user) || body.user, guildId: body.guild_id, channelId: body.channel_id };
}

module.exports = { SlashCommandBuilder, OptionBuilder, OptionType, selectMenu, modal, parseInteraction };
