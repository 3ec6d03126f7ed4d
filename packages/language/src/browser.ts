/**
 * The browser entry (the playground's language worker): the language server over an in-memory
 * workspace. Nothing reachable from here may need Node; the playground's build fails if it does.
 */
import './node-compat.js';

export { startOsaBrowserServer, OSA_WRITE_FILE, OSA_SET_LOCALE, MAX_WRITTEN_CHARS, type WriteFileParams } from './lsp/browser-server.js';
export { COMPLIANCE_REPORT_REQUEST, type ComplianceReportParams } from './lsp/compliance-report.js';
export type { ReportDocument } from './report/document.js';
export type * from './report/model.js';
