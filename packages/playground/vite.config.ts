/**
 * The playground's build: a static site (relative paths only) holding Monaco and the OSA language
 * server in a Web Worker. The language package is bundled as compiled (packages/language/out), with
 * two substitutions that make its Node entry points browser-safe without forking any rule code:
 *   - `node:path` → pathe (POSIX paths; the in-memory workspace lives under /workspace);
 *   - io/node-host.js (the disk) → io/memory-host.js (the workspace in memory).
 * Any other Node built-in reached from the bundle fails the build: nothing may silently become an
 * empty stub that throws at run time.
 */
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const languageOut = path.resolve(here, '../language/out');
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map(name => `node:${name}`)]);

function browserHost(): Plugin {
    return {
        name: 'osa-browser-host',
        enforce: 'pre',
        async resolveId(source, importer, options) {
            if (source === 'node:path' || source === 'path') {
                return this.resolve('pathe', importer, { ...options, skipSelf: true });
            }
            if (importer && path.resolve(importer).startsWith(languageOut) && source.endsWith('/node-host.js')) {
                return path.join(languageOut, 'io/memory-host.js');
            }
            if (nodeBuiltins.has(source)) {
                this.error(`"${source}" is imported by ${importer ?? 'an entry'}: the playground must not need Node (give the module a browser-safe path)`);
            }
            return null;
        }
    };
}

export default defineConfig({
    base: './',
    plugins: [browserHost()],
    worker: {
        format: 'es',
        plugins: () => [browserHost()]
    },
    build: {
        outDir: 'dist',
        emptyOutDir: true,
        target: 'es2022',
        // Monaco is one large chunk by nature; the limit is about warnings only.
        chunkSizeWarningLimit: 4096,
        modulePreload: { polyfill: false }
    },
    server: {
        // The examples are read from the repository's examples/ folder at build time.
        fs: { allow: [path.resolve(here, '../..')] }
    }
});
