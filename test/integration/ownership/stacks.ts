import { execFile } from "node:child_process";
import { join } from "node:path";
import type { RunningEmulator } from "../../../emulator";
import { emulatorEnv } from "../resources/support";

/** What one stack process answered. */
export interface StepResult {
  ok: boolean;
  result?: { id?: string; outs?: Record<string, unknown>; props?: Record<string, unknown> };
  error?: { name: string; code?: string; message: string };
  progress: string[];
}

/** Runs one provider step in a Node process of its own against the emulator's account (a stack's `pulumi` run). */
export function inStackProcess(emu: RunningEmulator, step: Record<string, unknown>): Promise<StepResult> {
  const script = join(__dirname, "stackProcess.js");
  const env = { ...process.env, ...emulatorEnv(emu, false) };
  for (const k of ["BANDWIDTH_VOICE_URL", "BANDWIDTH_USER_ID", "BANDWIDTH_API_TOKEN", "BANDWIDTH_API_SECRET"])
    delete env[k];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, JSON.stringify(step)], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(line) as StepResult);
      } catch {
        reject(new Error(`stack process gave no result (${err?.message ?? "no error"}): ${stderr}`));
      }
    });
  });
}
