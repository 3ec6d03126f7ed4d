import './node-compat.js';

export * from './generated/ast.js';
export { OsaLanguageMetaData } from './generated/module.js';
export * from './osa-module.js';
export * from './reference/reference-data.js';
export * from './reference/types.js';
export { DEFAULT_REFERENCE_DATA } from './reference/default-data.js';
export * from './rules/index.js';
export * from './rules/docs.js';
export * from './vocabulary.js';
export * from './validation/rule-runner.js';
export { LANGUAGE_CODE } from './validation/language-checks.js';
export * from './workspace/workspace-view.js';
export * from './workspace/osa-workspace.js';
export * from './workspace/config.js';
export * from './workspace/report.js';
