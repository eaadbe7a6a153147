import { appHome } from './app-home.ts';
import { appMention } from './app-mention.ts';
import { buttonClick } from './button-click.ts';
import type { SlackListener } from '../context.ts';
import { directMessage } from './direct-message.ts';
import { formSubmit } from './form-submit.ts';
import { messageShortcut } from './message-shortcut.ts';
import { scheduleModal } from './schedule-modal.ts';
import { slashCommand } from './slash-command.ts';
import { uninstall } from './uninstall.ts';

/** Every Slack listener, registered in this order. Explicit on purpose: no folder scanning. */
export const listeners: SlackListener[] = [slashCommand, appMention, directMessage, buttonClick, formSubmit, appHome, messageShortcut, scheduleModal, uninstall];
