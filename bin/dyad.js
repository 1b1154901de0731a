#!/usr/bin/env node
// The `dyad` command: runs the compiled CLI (built by `npm install` through the `prepare` script).
import '../dist/cli/bin.js';
