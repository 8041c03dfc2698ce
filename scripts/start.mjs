#!/usr/bin/env node
// `npm start`: builds the web app when its build is missing or older than its sources, then runs the server.
import { spawn } from 'node:child_process';
import { ensureWebBuild, ROOT } from './web-build.mjs';

ensureWebBuild();
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
