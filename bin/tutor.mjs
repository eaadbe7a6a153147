#!/usr/bin/env node
// The `tutor` CLI: the bundle when it is up to date, the sources otherwise (see launch.mjs).
import { launch } from './launch.mjs';

await launch('tutor.mjs', 'src/cli/main.ts', ['src']);
