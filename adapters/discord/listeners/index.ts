import { autocomplete } from './autocomplete.ts';
import { button } from './button.ts';
import { connection } from './connection.ts';
import { message } from './message.ts';
import { modalSubmit } from './modal.ts';
import { ready } from './ready.ts';
import { slashCommand } from './slashCommand.ts';
import type { Listener } from './types.ts';

export type { Listener } from './types.ts';

/** Every gateway listener, explicitly. */
export const listeners: Listener[] = [ready, slashCommand, autocomplete, button, modalSubmit, message, ...connection];
