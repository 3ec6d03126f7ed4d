/**
 * Runs the real `osa` under a watchdog: killed when it runs too long or its resident memory passes a
 * bound, so that a regression to "reads /dev/zero until memory runs out" or "blocks on a FIFO" fails
 * the test quickly instead of taking the machine (or the test run) down with it.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const OSA = path.join(REPO, 'packages/cli/bin/osa.js');

export interface GuardedResult {
    code: number | null;
    stdout: string;
    stderr: string;
    /** Wall time in milliseconds. */
    ms: number;
    /** Why the watchdog killed the process, if it did. */
    killed?: 'timeout' | 'memory';
    /** The highest resident set size seen (VmHWM when readable), in MiB. */
    peakRssMiB: number;
}

/** A process's memory figure from /proc (VmRSS, VmHWM, ...) in MiB; 0 once the process is gone. */
export function procMemoryMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
    try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf-8');
        const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
        return match ? Number(match[1]) / 1024 : 0;
    } catch {
        return 0;
    }
}

export function runGuarded(args: readonly string[], options: { cwd?: string; timeoutMs?: number; maxRssMiB?: number; spawn?: SpawnOptions } = {}): Promise<GuardedResult> {
    const { cwd = REPO, timeoutMs = 20_000, maxRssMiB = 1024 } = options;
    const started = performance.now();
    const child = spawn(process.execPath, [OSA, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], ...options.spawn });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf-8').on('data', chunk => { stdout += chunk; });
    child.stderr!.setEncoding('utf-8').on('data', chunk => { stderr += chunk; });
    let killed: GuardedResult['killed'];
    let peak = 0;
    const watch = setInterval(() => {
        peak = Math.max(peak, procMemoryMiB(child.pid!, 'VmHWM'), procMemoryMiB(child.pid!, 'VmRSS'));
        if (peak > maxRssMiB) {
            killed = 'memory';
            child.kill('SIGKILL');
        }
    }, 20);
    const timer = setTimeout(() => {
        killed = 'timeout';
        child.kill('SIGKILL');
    }, timeoutMs);
    return new Promise(resolve => {
        child.on('close', code => {
            clearInterval(watch);
            clearTimeout(timer);
            resolve({ code, stdout, stderr, ms: performance.now() - started, killed, peakRssMiB: peak });
        });
    });
}
