module.exports = { testEnvironment: 'node', transform: { '^.+\\.(t|j)sx?$': '@swc/jest' }, cacheDirectory: '<rootDir>/node_modules/.cache/jest' };
