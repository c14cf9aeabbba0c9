'use strict';
const region = require('./region');
const cache = require('./cache');

let ready = new Promise((resolve) => cache.warm(resolve));

async function resolveRegion({ profile = process.env.AWS_PROFILE || 'default', useImds = true } = {}) {
  await ready;
  return region.fromEnv() || region.fromProfile(profile) || (useImds ? await region.fromImds() : null) || 'us-east-1';
}

module.exports = { resolveRegion };
