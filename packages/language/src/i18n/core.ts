/**
 * The narrow entry of the CLI's start (`@osa-policy/language/i18n-core`): messages, locales and rendering with
 * the texts registry.ts starts with (common words, the CLI's help, version and usage errors). Every command
 * loads the whole catalogue with the engine (through localize.ts) before it renders anything else.
 */
export * from './message.js';
export * from './locale.js';
export * from './render.js';
export { isMessageId, type Catalogue, type MessageId } from './registry.js';
