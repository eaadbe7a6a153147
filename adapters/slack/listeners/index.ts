import { appMention } from './app-mention.ts';
import { buttonClick } from './button-click.ts';
import type { SlackListener } from '../context.ts';
import { directMessage } from './direct-message.ts';
import { formSubmit } from './form-submit.ts';
import { slashCommand } from './slash-command.ts';
import { uninstall } from './uninstall.ts';

/** Every Slack listener, registered in this order. Explicit on purpose: no folder scanning. */
export const listeners: SlackListener[] = [slashCommand, appMention, directMessage, buttonClick, formSubmit, uninstall];
