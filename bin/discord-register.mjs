#!/usr/bin/env node
// `npm run discord:register`: upload the Discord commands (see launch.mjs).
import { launch } from './launch.mjs';

await launch('discord-register.mjs', 'adapters/discord/register.ts', ['src', 'adapters']);
