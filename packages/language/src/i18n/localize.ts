/**
 * Rendering messages with the whole catalogue loaded: what every module that shows rule, language, editor or
 * report texts imports. (render.ts renders with what is loaded; core.ts is the narrow entry of the CLI's start.)
 */
import './catalogue.js';

export * from './render.js';
