exports.createNodes = ['**/project.json', (file, opts) => ({ projects: { [require('path').dirname(file)]: { targets: {} } } })];
