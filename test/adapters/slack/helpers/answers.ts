/** What the fixture pack's answers look like as Slack blocks, for the listener flow tests. */
const button = (text: string, id: number, value: string, primary = false) => ({
  type: 'button',
  text: { type: 'plain_text', text },
  action_id: `tutor:${id}`,
  value,
  ...(primary ? { style: 'primary' } : {}),
});
const menu = (...options: [string, string][]) => ({
  type: 'actions',
  elements: [
    {
      type: 'static_select',
      action_id: 'tutor:menu',
      placeholder: { type: 'plain_text', text: 'Related topics' },
      options: options.map(([text, value]) => ({ text: { type: 'plain_text', text }, value })),
    },
  ],
});
const thumbs = (id: string) => ({
  type: 'context_actions',
  elements: [
    {
      type: 'feedback_buttons',
      action_id: 'tutor:feedback',
      positive_button: { text: { type: 'plain_text', text: '👍' }, value: `f:${id}:u`, accessibility_label: 'This answer was helpful' },
      negative_button: { text: { type: 'plain_text', text: '👎' }, value: `f:${id}:d`, accessibility_label: 'This answer was not helpful' },
    },
  ],
});

/** The fixture pack's volume answer as a first answer: the summary, three continue buttons (and Share), the related menu, 👍/👎. */
export const volumeBlocks = (share: boolean) => [
  { type: 'header', text: { type: 'plain_text', text: 'Volumes' } },
  { type: 'section', text: { type: 'mrkdwn', text: 'A volume is storage managed by Docker that outlives any one container.' } },
  {
    type: 'actions',
    elements: [
      button('Explain more', 0, 'm:volume'),
      button('Show an example', 1, 'x:volume'),
      button('Quiz me on this', 2, 'q:volume'),
      ...(share ? [button('Share in channel', 3, 's:volume', true)] : []),
    ],
  },
  menu(['Containers vs virtual machines', 'c:containers-vs-vms']),
  thumbs('volume'),
];
export const volumeText = 'Volumes: A volume is storage managed by Docker that outlives any one container.';

/**
 * The fixture pack's comparison answer. Slack takes a table block only in an attachment, shown
 * below a message's blocks, so the whole answer is in the attachment, in reading order: title,
 * summary, caption and table, and only then the buttons.
 */
export const comparisonText = 'Containers vs virtual machines: Containers share the host kernel; virtual machines each run their own.';
const cells = (...texts: string[]) => texts.map((text) => ({ type: 'raw_text', text }));
export const comparisonAttachments = (share: boolean) => [
  {
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Containers vs virtual machines' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Containers share the host kernel; virtual machines each run their own.' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '*Containers vs VMs*' }] },
      {
        type: 'table',
        column_settings: [{ is_wrapped: true }, { is_wrapped: true }, { is_wrapped: true }],
        rows: [
          cells('Feature', 'Containers', 'Virtual machines'),
          cells('Kernel', 'Shared with the host', 'Own kernel per VM'),
          cells('Size', 'Megabytes', 'Gigabytes'),
          cells('Startup', 'Seconds', 'Minutes'),
          cells('Isolation', 'Process level', 'Hardware level'),
        ],
      },
      {
        type: 'actions',
        elements: [
          button('Explain more', 0, 'm:containers-vs-vms'),
          button('Quiz me on this', 1, 'q:containers-vs-vms'),
          ...(share ? [button('Share in channel', 2, 's:containers-vs-vms', true)] : []),
        ],
      },
      menu(['Volumes', 'c:volume'], ['Hypervisor', 'c:hypervisor']),
      thumbs('containers-vs-vms'),
    ],
  },
];
