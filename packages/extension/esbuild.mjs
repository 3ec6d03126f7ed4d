// Bundles the extension: the client (CommonJS, `vscode` provided by the editor) and the language server.
// Both target Node 20, the oldest Node an editor in `engines.vscode` runs extensions on (VS Code 1.100
// and code-server 4.100); the server's entry loads the Object.groupBy shim first (node-compat).
//
//   node esbuild.mjs                 development bundles with source maps (the root `npm run build`)
//   node esbuild.mjs --production --out DIR
//                                    minified, no source maps, into DIR/dist (the staging folder
//                                    scripts/package.mjs packs; dist/ here is left alone)
//   node esbuild.mjs --watch
//
// It also lays out what the packaged extension needs from elsewhere in the repository: the TextMate
// grammar (syntaxes/osa.tmLanguage.json, generated from the Langium grammar by scripts/tmgrammar.mjs
// and committed; a test checks it is up to date), the osa.config.json schema, the rule pages and the
// rule list for "OSA: Show Rule Documentation".
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TM_GRAMMAR, writeGrammar } from './scripts/tmgrammar.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
process.chdir(HERE);

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const outIndex = process.argv.indexOf('--out');
/** Where dist/, syntaxes/, schemas/ and docs/ go: this folder, or a staging folder for packaging. */
const OUT = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : HERE;
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: production ? false : !process.env.OSA_NO_SOURCEMAP,
    minify: production,
    metafile: production,
    legalComments: production ? 'eof' : 'inline',
    logLevel: 'warning'
};

const out = (...parts) => path.join(OUT, ...parts);
const dist = out('dist');
if (OUT !== HERE) {
    rmSync(dist, { recursive: true, force: true });
}

const contexts = await Promise.all([
    esbuild.context({ ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: dist, outExtension: { '.js': '.cjs' }, external: ['vscode'] }),
    esbuild.context({ ...common, entryPoints: { 'language-server': 'src/language-server.ts' }, outdir: dist, outExtension: { '.js': '.cjs' } })
]);

// Only the extension folder is packaged, so these are copied in (and git-ignored here).
await writeGrammar(TM_GRAMMAR);
mkdirSync(out('syntaxes'), { recursive: true });
cpSync(TM_GRAMMAR, out('syntaxes/osa.tmLanguage.json'));
mkdirSync(out('schemas'), { recursive: true });
cpSync(path.join(REPO, 'packages/language/src/config/osa.config.schema.json'), out('schemas/osa.config.schema.json'));
rmSync(out('docs'), { recursive: true, force: true });
mkdirSync(out('docs/rules'), { recursive: true });
for (const page of readdirSync(path.join(REPO, 'docs/rules')).filter(f => /^OSA\d{3}\.md$/.test(f))) {
    cpSync(path.join(REPO, 'docs/rules', page), out('docs/rules', page));
}
// The Japanese pages, shown when the extension speaks Japanese (those not written yet fall back to English).
const japanesePages = path.join(REPO, 'docs/rules/ja');
for (const page of existsSync(japanesePages) ? readdirSync(japanesePages).filter(f => /^OSA\d{3}\.md$/.test(f)) : []) {
    mkdirSync(out('docs/rules/ja'), { recursive: true });
    cpSync(path.join(japanesePages, page), out('docs/rules/ja', page));
}
// The rule list, read by the client (which does not bundle the language library).
await import('@osa-policy/language/compat');
const { ALL_RULES, ruleDocsUrl, ruleSummary } = await import('@osa-policy/language');
mkdirSync(dist, { recursive: true });
writeFileSync(path.join(dist, 'rules.json'), JSON.stringify(ALL_RULES.map(rule => ({
    id: rule.id, name: rule.name, severity: rule.severity, clause: rule.clause, summary: rule.summary, docs: ruleDocsUrl(rule.id),
    ja: { summary: ruleSummary(rule, 'ja'), docs: ruleDocsUrl(rule.id, 'ja') }
})), null, 1) + '\n');

if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
} else {
    const results = await Promise.all(contexts.map(c => c.rebuild()));
    await Promise.all(contexts.map(c => c.dispose()));
    if (production) {
        writeThirdPartyNotices(results.flatMap(r => Object.keys(r.metafile.inputs)));
    }
}

/**
 * The minified bundles keep no license comments, so the .vsix carries the licenses of the packages
 * bundled into them (from esbuild's metafile: every node_modules package with code in a bundle).
 */
function writeThirdPartyNotices(inputs) {
    const packages = new Map();
    for (const input of inputs) {
        const match = input.replace(/\\/g, '/').match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
        if (match) {
            const dir = path.resolve(HERE, match[1]);
            const { name, version, license } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf-8'));
            packages.set(`${name}@${version}`, { name, version, license, dir });
        }
    }
    const sections = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name)).map(({ name, version, license, dir }) => {
        const file = readdirSync(dir).find(f => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
        const text = file ? readFileSync(path.join(dir, file), 'utf-8').trim() : `License: ${license ?? 'see the package'}`;
        return `## ${name} ${version} (${license ?? 'unknown'})\n\n${text}\n`;
    });
    writeFileSync(out('THIRD-PARTY-NOTICES.md'), `# Third-party notices\n\nThe bundles in dist/ include the following packages.\n\n${sections.join('\n')}`);
}
