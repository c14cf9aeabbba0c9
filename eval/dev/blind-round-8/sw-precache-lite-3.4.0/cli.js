#!/usr/bin/env node
import fs from 'node:fs';import {buildManifest,renderWorker} from './index.js';
const [dir='dist',out='dist/sw.js']=process.argv.slice(2);
fs.writeFileSync(out,renderWorker(buildManifest(dir)));console.log('wrote '+out);
