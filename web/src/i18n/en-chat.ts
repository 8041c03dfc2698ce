/** English strings of message → request (channels) and of the request view's « created from a message » (merged into `en`). */
export const enChat = {
  chatExtras: {
    toRequest: {
      title: 'Turn the message into a request',
      service: 'Service',
      servicePlaceholder: 'Choose a service',
      requester: 'Requester',
      requesterHint: 'The message’s author by default.',
      requestTitle: 'Request title',
      description: 'Description',
      priority: 'Priority',
      priorityDefault: 'The service’s',
      submit: 'Create the request',
      created: 'Request {{reference}} created.',
      open: 'Open request {{reference}}',
    },
    fromMessage: 'Created from a message in #{{channel}}',
    fromMessageLink: 'See the message',
    fromMessageEvent: '{{actor}} created the request from a message in #{{channel}}.',
  },
};
