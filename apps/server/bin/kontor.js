#!/usr/bin/env node
// Runs the TypeScript sources directly: Kontor ships no separate server build.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
