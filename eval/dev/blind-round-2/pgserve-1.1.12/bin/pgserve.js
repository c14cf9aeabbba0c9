#!/usr/bin/env node
'use strict';
const { PgServer } = require('../lib');
const port = Number(process.argv[2]) || 5433;
new PgServer({ port }).start().then((s) => console.log(`postgres listening on ${s.connectionString}`));
