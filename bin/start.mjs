#!/usr/bin/env node
// `npm start`: the bot, bundled like the CLI for a fast start (see launch.mjs).
import { launch } from './launch.mjs';

await launch('start.mjs', 'adapters/start.ts', ['src', 'adapters']);
