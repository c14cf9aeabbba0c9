const React = require('react');
const mk = (d) => (p) => React.createElement('svg', Object.assign({ viewBox: '0 0 24 24', width: 24, height: 24, fill: 'currentColor' }, p), React.createElement('path', { d }));
exports.IconHome = mk('M3 12l9-9 9 9h-3v9h-12v-9z');
exports.IconUser = mk('M12 12a5 5 0 100-10 5 5 0 000 10zm-9 10a9 9 0 0118 0z');
