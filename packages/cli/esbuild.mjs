// Bundles the CLI so it starts fast: one module graph instead of hundreds of files to resolve.
// Entry points share chunks (the language engine) and commands stay lazy. Targets Node 20.
import * as esbuild from 'esbuild';

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
    // CommonJS dependencies (ajv, picomatch) call require() for Node built-ins.
    banner: { js: "import { createRequire as __osaCreateRequire } from 'node:module'; const require = __osaCreateRequire(import.meta.url);" }
});
