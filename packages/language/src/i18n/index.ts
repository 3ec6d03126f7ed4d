export * from './message.js';
export * from './locale.js';
export * from './localize.js';
export { CATALOGUES, isMessageId, type Catalogue, type MessageId } from './catalogue.js';
export * from './texts.js';
export * from './script.js';
export * from './lists.js';
