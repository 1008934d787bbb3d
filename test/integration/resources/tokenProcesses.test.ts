import { type ChildProcess, fork } from "node:child_process";
import * as path from "node:path";
import { expect } from "chai";
import type { Held, ProcessJob, ProcessOutcome } from "./providerProcess";
import { emulatorSuite } from "./support";

const PROCESSES = 4;
const PER_PROCESS = 3;

/**
 * Several stacks on one Bandwidth account, each deployment its own provider process with its own token, starting at
 * once while the account's token endpoint answers 429 with X-RateLimit-Reset: the engine's create, then (new
 * processes, as `pulumi destroy` starts its own) the delete of what create returned.
 */
describe("PhoneNumberOrder from separate provider processes behind a rate-limited token endpoint", function () {
  this.timeout(240_000);
  const ctx = emulatorSuite();
  const account = () => ctx.emu.credentials.accountId;
  const children: ChildProcess[] = [];

  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  });

  /** Starts one provider process per job, lets the token endpoint refuse for two seconds, then sends every job at once. */
  async function deploy(jobs: ProcessJob[]): Promise<ProcessOutcome[][]> {
    const c = ctx.emu.credentials;
    const env = {
      PATH: process.env.PATH ?? "",
      BANDWIDTH_DASHBOARD_URL: ctx.emu.dashboardUrl,
      BANDWIDTH_ACCOUNT_ID: c.accountId,
      BANDWIDTH_CLIENT_ID: c.clientId,
      BANDWIDTH_CLIENT_SECRET: c.clientSecret,
      BANDWIDTH_TOKEN_URL: ctx.emu.tokenUrl,
    };
    const started = jobs.map(() => {
      const child = fork(path.join(__dirname, "providerProcess.js"), [], {
        env,
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      children.push(child);
      const ready = new Promise<void>((resolve) => child.once("message", () => resolve()));
      return { child, ready };
    });
    await Promise.all(started.map((s) => s.ready));
    ctx.emu.setFaults([{ path: "/oauth2/token$", kind: "status", status: 429, durationMs: 2_000 }]);
    return Promise.all(
      started.map(
        ({ child }, i) =>
          new Promise<ProcessOutcome[]>((resolve) => {
            child.once("message", (outcomes) => resolve(outcomes as ProcessOutcome[]));
            child.once("exit", (code) => resolve([{ ok: false, name: "exit", message: `exited with ${code}` }]));
            child.send(jobs[i]);
          }),
      ),
    );
  }

  const tokenAnswers = () => {
    const asked = ctx.emu.requestLog().filter((r) => r.path.endsWith("/oauth2/token"));
    return {
      refused: asked.filter((r) => r.status === 429).length,
      issued: asked.filter((r) => r.status === 200).length,
    };
  };

  it("four processes create three numbers each, and four new processes destroy them, while the token endpoint answers 429 for its first two seconds: every call succeeds, one order per resource, nothing left in service", async () => {
    ctx.emu.model.restock("919", PROCESSES * PER_PROCESS + 10);
    const creates = await deploy(
      Array.from({ length: PROCESSES }, (_, p) => ({
        op: "create" as const,
        args: Array.from({ length: PER_PROCESS }, (_, r) => ({
          siteId: ctx.emu.credentials.siteId,
          areaCode: "919",
          quantity: 1,
          resourceKey: `proj/stack-${p}/num-${r}`,
        })),
      })),
    );
    const createFailures = creates.flat().filter((o) => !o.ok);
    expect(createFailures, JSON.stringify(createFailures)).to.deep.equal([]);
    const afterCreate = tokenAnswers();
    expect(afterCreate.refused).to.be.at.least(PROCESSES, "every process was refused its first token");
    expect(afterCreate.issued).to.equal(PROCESSES, "one token per process, shared by its resources");
    const held = creates.map((outcomes) => outcomes.map((o) => (o as { held: Held }).held));
    const numbers = held.flat().flatMap((h) => h.outs.telephoneNumbers as string[]);
    expect(new Set(numbers)).to.have.property("size", PROCESSES * PER_PROCESS);
    expect(ctx.emu.model.listOrders(account())).to.have.length(PROCESSES * PER_PROCESS, "nothing ordered twice");
    expect([...ctx.emu.model.numbersInService(account())].sort()).to.deep.equal([...numbers].sort());

    const deletes = await deploy(held.map((resources) => ({ op: "delete" as const, resources })));
    const deleteFailures = deletes.flat().filter((o) => !o.ok);
    expect(deleteFailures, JSON.stringify(deleteFailures)).to.deep.equal([]);
    const afterDelete = tokenAnswers();
    expect(afterDelete.refused - afterCreate.refused).to.be.at.least(PROCESSES, "the destroys were refused too");
    expect(afterDelete.issued - afterCreate.issued).to.equal(PROCESSES);
    expect(ctx.emu.model.numbersInService(account())).to.deep.equal([]);
    expect(ctx.emu.model.listOrders(account())).to.have.length(PROCESSES * PER_PROCESS, "no order placed by a destroy");
  });
});
