// Runs test/runtimes/miniflare-run.mjs under Node 24 (Miniflare 4 needs Node >= 22).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './env.ts';

export interface WorkerSpec {
  workers: { name: string; modules: { type: 'ESModule' | 'CompiledWasm'; path: string }[]; bindings?: Record<string, string> }[];
  origin: Record<string, { file: string; type: string }>;
  requests: {
    name: string;
    worker: string;
    url: string;
    method?: string;
    headers?: Record<string, string>;
    bodyFrom?: string;
    until?: { header: string; equals: string; tries: number };
  }[];
}

export interface WorkerResult {
  status: number;
  headers: Record<string, string>;
  /** base64 */
  body: string;
  attempts: number;
}

export interface WorkerRun {
  workerd: string;
  miniflare: string;
  node: string;
  results: Record<string, WorkerResult>;
  origin: string[];
}

export async function runWorkers(spec: WorkerSpec, dir: string, timeoutMs = 60_000): Promise<WorkerRun> {
  const specPath = join(dir, 'spec.json');
  const resultPath = join(dir, 'result.json');
  writeFileSync(specPath, JSON.stringify(spec));
  const runner = join(REPO_ROOT, 'test', 'runtimes', 'miniflare-run.mjs');
  const output: string[] = [];
  const code = await new Promise<number | string>((resolve, reject) => {
    const child = spawn(process.execPath, [runner, specPath, resultPath], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so that a timeout also ends workerd (Miniflare's child).
      detached: true,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      resolve(`timed out after ${timeoutMs} ms`);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (exitCode, signal) => {
      clearTimeout(timer);
      resolve(exitCode ?? String(signal));
    });
  });
  if (code !== 0) throw new Error(`miniflare-run.mjs failed (${code}):\n${output.join('')}`);
  return JSON.parse(readFileSync(resultPath, 'utf8')) as WorkerRun;
}
