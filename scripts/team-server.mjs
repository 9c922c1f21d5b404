#!/usr/bin/env node
/** `npm run team-server [-- command]`: the team server (server/team-server.ts) on Node 22. */
import { spawn } from 'node:child_process';
import { node22, serverArgs, serverPackages } from './node22.mjs';

serverPackages();

const child = spawn(node22(), serverArgs(process.argv.slice(2)), { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
