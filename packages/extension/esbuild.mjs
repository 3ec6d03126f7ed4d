// Bundles the extension: the client (CommonJS, `vscode` provided by the editor) and the language server.
// Both target Node 20, the oldest Node an editor in `engines.vscode` runs extensions on.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !process.env.OSA_NO_SOURCEMAP,
    logLevel: 'warning'
};

const contexts = await Promise.all([
    esbuild.context({ ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, external: ['vscode'] }),
    esbuild.context({ ...common, entryPoints: { 'language-server': 'src/language-server.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' } })
]);

// Only the extension folder is packaged, so the grammar is copied in.
mkdirSync('syntaxes', { recursive: true });
cpSync('../../syntaxes/osa.tmLanguage.json', 'syntaxes/osa.tmLanguage.json');

if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
} else {
    await Promise.all(contexts.map(c => c.rebuild()));
    await Promise.all(contexts.map(c => c.dispose()));
}
