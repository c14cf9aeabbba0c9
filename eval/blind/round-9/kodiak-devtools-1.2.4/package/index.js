module.exports = () => ({ node: process.version, platform: process.platform });
