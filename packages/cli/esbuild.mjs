// Bundles the CLI so it starts fast: one module graph instead of hundreds of files to resolve.
// Entry points share chunks (the language engine) and commands stay lazy. Targets Node 20.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

// Langium's core imports four names from vscode-languageserver-protocol: see bundle/langium-core-protocol.js.
// That module takes them from JSON-RPC's own files (the package's exports hide them), of the copy Langium uses.
const require = createRequire(path.resolve('../../node_modules/langium/package.json'));
const protocolRequire = createRequire(require.resolve('vscode-languageserver-protocol'));
const jsonRpcRoot = path.resolve(path.dirname(protocolRequire.resolve('vscode-jsonrpc')), '../..');
const langiumCoreProtocol = {
    name: 'langium-core-protocol',
    setup(build) {
        build.onResolve({ filter: /^vscode-languageserver-protocol$/ }, args =>
            /[\\/]langium[\\/]lib[\\/](utils|workspace)[\\/]/.test(args.importer) ? { path: path.resolve('bundle/langium-core-protocol.js') } : undefined);
        build.onResolve({ filter: /^vscode-jsonrpc\/lib\/common\/[a-z]+\.js$/ }, args =>
            args.importer.endsWith('langium-core-protocol.js') ? { path: path.join(jsonRpcRoot, args.path.slice('vscode-jsonrpc/'.length)) } : undefined);
    }
};

// `osa --version` lists the shipped data's editions: computed here from the built language package's data, so the
// command need not load that data (src/version.ts).
const { dataEditions } = await import('../language/out/reference/editions.js');

// Chunk names are content hashes: without a clean folder, every build would leave the previous chunks behind.
fs.rmSync('dist', { recursive: true, force: true });

await esbuild.build({
    entryPoints: { main: 'src/main.ts', worker: 'src/parallel/worker.ts' },
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    // The workbook and chart libraries (osa report --format xlsx|html) load from node_modules when asked for.
    external: ['exceljs', 'vega', 'vega-lite'],
    logLevel: 'warning',
    plugins: [langiumCoreProtocol],
    define: { OSA_SHIPPED_DATA_EDITIONS: JSON.stringify(dataEditions()) },
    // CommonJS dependencies (ajv, picomatch) call require() for Node built-ins.
    banner: { js: "import { createRequire as __osaCreateRequire } from 'node:module'; const require = __osaCreateRequire(import.meta.url);" }
});
