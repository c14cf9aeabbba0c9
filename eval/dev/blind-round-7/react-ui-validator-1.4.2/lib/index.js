'use strict';
const rules = require('./rules');
let React;
try { React = require('react'); } catch (e) { React = null; }

function validate(values, schema) {
  const errors = {};
  for (const [field, specs] of Object.entries(schema)) {
    for (const spec of [].concat(specs)) {
      const [name, arg, msg] = Array.isArray(spec) ? spec : [spec];
      const fn = rules[name];
      if (fn && !fn(values[field], arg, values)) { errors[field] = msg || rules.messages[name](field, arg); break; }
    }
  }
  return errors;
}

function useValidator(schema, initial = {}) {
  if (!React) throw new Error('react is required for useValidator');
  const [values, setValues] = React.useState(initial);
  const [touched, setTouched] = React.useState({});
  const errors = React.useMemo(() => validate(values, schema), [values, schema]);
  const bind = (name) => ({
    name, value: values[name] ?? '',
    onChange: (e) => setValues((v) => ({ ...v, [name]: e.target.type === 'checkbox' ? e.target.checked : e.target.value })),
    onBlur: () => setTouched((t) => ({ ...t, [name]: true }))
  });
  return { values, errors, touched, bind, isValid: Object.keys(errors).length === 0, setValues };
}

module.exports = { validate, useValidator, rules };
