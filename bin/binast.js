#!/usr/bin/env node
// The `binast` command; the implementation is compiled from ts/cli/main.ts.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
