// Bench: a command line → its wall time, peak resident memory, exit code and the number of lines it wrote to stdout.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** How a child was measured. */
export interface ChildFigures {
  wallMs: number;
  /** Peak resident set size of the measured process, in KiB; null when it could not be read. */
  peakRssKb: number | null;
  /** `gnu-time` (exact: the kernel's maxrss from wait4) or `vmhwm-poll` (VmHWM read every 10 ms; may miss a last spike). */
  memoryMethod: 'gnu-time' | 'vmhwm-poll';
  /** Pinned to one CPU with taskset (when available). */
  pinned: boolean;
  exitCode: number | null;
  stdoutLines: number;
  stdoutBytes: number;
  stderrTail: string;
}

const GNU_TIME = '/usr/bin/time';
const TASKSET = '/usr/bin/taskset';
const TIME_MARK = 'DYAD-BENCH-MAXRSS-KB=';

function readVmHwm(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The telling lines of a failed run's stderr: error and `dyad:` lines first, else the last lines; GNU time's own note dropped. */
function errorLines(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trimEnd()).filter((line) => line !== '' && !line.startsWith('Command exited with'));
  const telling = lines.filter((line) => /^(dyad:|\w*Error\b)/.test(line.trim()));
  return (telling.length > 0 ? telling.slice(0, 3) : lines.slice(-5)).join('\n');
}

/**
 * Runs `command args` with stdout piped (newlines counted, content handed to `onStdout` if given, else discarded) and measures it.
 * Peak memory: GNU time's `%M` when /usr/bin/time exists — exact, since the kernel records it at exit — else VmHWM
 * (the kernel's high-water mark of RSS) polled from /proc every 10 ms. With `oneCore` the child is pinned to CPU 0.
 */
export function measureChild(command: string, args: string[], options: { cwd: string; oneCore?: boolean; onStdout?: (chunk: Buffer) => void }): Promise<ChildFigures> {
  const useTime = existsSync(GNU_TIME);
  const pinned = options.oneCore === true && existsSync(TASKSET);
  let argv = [command, ...args];
  if (pinned) argv = [TASKSET, '-c', '0', ...argv];
  if (useTime) argv = [GNU_TIME, '-f', `${TIME_MARK}%M`, ...argv];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutLines = 0;
    let stdoutBytes = 0;
    let stderr = '';
    let polledKb: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      options.onStdout?.(chunk);
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) stdoutLines += 1;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-8000);
    });
    const poll = useTime
      ? null
      : setInterval(() => {
          const kb = child.pid === undefined ? null : readVmHwm(child.pid);
          if (kb !== null) polledKb = Math.max(polledKb ?? 0, kb);
        }, 10);
    child.on('error', (error) => {
      if (poll) clearInterval(poll);
      reject(error);
    });
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (poll) clearInterval(poll);
      let peakRssKb = polledKb;
      if (useTime) {
        const at = stderr.lastIndexOf(TIME_MARK);
        peakRssKb = at === -1 ? null : Number.parseInt(stderr.slice(at + TIME_MARK.length), 10);
        if (at !== -1) stderr = stderr.slice(0, at);
      }
      resolve({
        wallMs,
        peakRssKb,
        memoryMethod: useTime ? 'gnu-time' : 'vmhwm-poll',
        pinned,
        exitCode: code,
        stdoutLines,
        stdoutBytes,
        stderrTail: errorLines(stderr),
      });
    });
  });
}
