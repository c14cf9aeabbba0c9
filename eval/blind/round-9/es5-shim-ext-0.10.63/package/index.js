module.exports = { array: require('./array') };
