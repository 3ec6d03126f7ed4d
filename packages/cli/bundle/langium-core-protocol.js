// What Langium's core (its documents, builder, cancellation and events) takes from vscode-languageserver-protocol,
// for the CLI bundle (esbuild.mjs routes those imports here). The package's entry point loads the whole protocol
// and JSON-RPC layer, about 230 KB evaluated on every start of `osa validate`, for four names that live in
// three small JSON-RPC modules. The language server's chunk still loads the full protocol for itself.
import RAL from 'vscode-jsonrpc/lib/common/ral.js';

export { CancellationToken, CancellationTokenSource } from 'vscode-jsonrpc/lib/common/cancellation.js';
export { Emitter } from 'vscode-jsonrpc/lib/common/events.js';
export { ResponseError } from 'vscode-jsonrpc/lib/common/messages.js';

// The error codes Langium's document builder rejects with (LSP 3.17 reserved range).
export const LSPErrorCodes = Object.freeze({ RequestFailed: -32803, ServerCancelled: -32802, ContentModified: -32801, RequestCancelled: -32800 });

// The events and cancellation modules report through JSON-RPC's runtime layer (a listener that throws is logged;
// a cancelled token's listener runs on a timer). The node entry point would install it; without that entry point
// only these two services are ever asked for. The language server installs the full layer over this one.
try {
    RAL();
} catch {
    const timer = {
        setTimeout: (callback, ms, ...args) => { const handle = setTimeout(callback, ms, ...args); return { dispose: () => clearTimeout(handle) }; },
        setImmediate: (callback, ...args) => { const handle = setImmediate(callback, ...args); return { dispose: () => clearImmediate(handle) }; },
        setInterval: (callback, ms, ...args) => { const handle = setInterval(callback, ms, ...args); return { dispose: () => clearInterval(handle) }; }
    };
    RAL.install({ console, timer });
}
