/**
 * The whole message catalogue: loading this module adds every area's texts (rules, language checks, editor
 * features, reports) to the ones registry.ts starts with (common words, the CLI's). Each area's texts live in
 * one module per locale, so that they stay together.
 */
import { rules as enRules } from './en/rules.js';
import { language as enLanguage } from './en/language.js';
import { editor as enEditor } from './en/editor.js';
import { report as enReport } from './en/report.js';
import { rules as jaRules } from './ja/rules.js';
import { language as jaLanguage } from './ja/language.js';
import { editor as jaEditor } from './ja/editor.js';
import { report as jaReport } from './ja/report.js';
import { registerTexts } from './registry.js';

registerTexts({ en: enRules, ja: jaRules });
registerTexts({ en: enLanguage, ja: jaLanguage });
registerTexts({ en: enEditor, ja: jaEditor });
registerTexts({ en: enReport, ja: jaReport });

export { CATALOGUES, isMessageId, type Catalogue, type MessageId } from './registry.js';
