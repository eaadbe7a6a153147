import { autocomplete } from './autocomplete.ts';
import { button } from './button-click.ts';
import { connection } from './connection.ts';
import { explainMessage } from './explain-message.ts';
import { message } from './message.ts';
import { modalSubmit } from './form-submit.ts';
import { ready } from './ready.ts';
import { slashCommand } from './slash-command.ts';
import type { Listener } from './types.ts';

export type { Listener } from './types.ts';

/** Every gateway listener, explicitly. */
export const listeners: Listener[] = [ready, slashCommand, explainMessage, autocomplete, button, modalSubmit, message, ...connection];
