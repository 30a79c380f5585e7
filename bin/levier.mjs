#!/usr/bin/env node
// The levier CLI: runs the TypeScript server directly through tsx's loader.
import { register } from 'tsx/esm/api';
register();
await import('../src/server/main.ts');
