import '../node-compat.js';

export * from './osa-lsp-module.js';
export * from './start-server.js';
export * from './compliance-report.js';
export * from './message-framing.js';
