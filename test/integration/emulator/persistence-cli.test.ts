import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { startEmulator } from "../../../emulator";
import { basic, orderXml, placeOrder, sleep, tag, waitOrder } from "./calls";

describe("emulator: state file", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "bw-emulator-state-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("resumes a pending order after a restart and completes it at its due time", async () => {
    const stateFile = join(dir, "pending.json");
    const first = await startEmulator({ stateFile, orderDelayMs: 300 });
    const id = await placeOrder(first, orderXml("AreaCodeSearchAndOrderType", { AreaCode: "910", Quantity: "2" }));
    await first.close();
    expect(existsSync(stateFile)).to.equal(true);
    expect(JSON.parse(readFileSync(stateFile, "utf8")).orders[0].status).to.equal("RECEIVED");

    const second = await startEmulator({ stateFile, orderDelayMs: 300, port: first.port });
    try {
      expect(second.model.getOrder(second.credentials.accountId, id).status).to.equal("RECEIVED");
      const body = await waitOrder(second, id);
      expect(tag(body, "OrderStatus")).to.equal("COMPLETE");
      expect(second.model.numbersInService(second.credentials.accountId)).to.have.length(2);
    } finally {
      await second.close();
    }
  });

  it("keeps numbers, orders and imports across restarts", async () => {
    const stateFile = join(dir, "kept.json");
    const first = await startEmulator({ stateFile, orderDelayMs: 10 });
    const id = await placeOrder(first, orderXml("AreaCodeSearchAndOrderType", { AreaCode: "919", Quantity: "1" }));
    const tn = tag(await waitOrder(first, id), "FullNumber")!;
    const c = first.credentials;
    first.model.importVoiceNumber(
      c.userId,
      { number: `+1${tn}` },
      { providerName: "bandwidth-dashboard", accountId: c.accountId, userName: c.username, password: c.password },
    );
    await sleep(60);
    await first.close();
    const second = await startEmulator({ stateFile });
    try {
      expect(second.model.numbersInService(second.credentials.accountId)).to.deep.equal([tn]);
      expect(second.model.listVoiceNumbers(second.credentials.userId)).to.have.length(1);
      expect(second.model.tn(tn)?.status).to.equal("Inservice");
    } finally {
      await second.close();
    }
  });
});

describe("emulator: bandwidth-emulator CLI", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  it("prints the URLs and demo credentials, serves requests and exits cleanly on SIGTERM", async () => {
    const cli = join(__dirname, "..", "..", "..", "emulator", "cli.js");
    const proc = spawn(process.execPath, [cli, "--port", "0", "--order-delay-ms", "10", "--no-rate-limits"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    let out = "";
    proc.stdout!.on("data", (chunk) => {
      out += chunk;
    });
    const deadline = Date.now() + 5000;
    while (!out.includes("admin API") && Date.now() < deadline) await sleep(20);
    expect(out).to.contain("BANDWIDTH_USERNAME=demo");
    expect(out).to.contain("BANDWIDTH_PASSWORD=demo-password");
    expect(out).to.contain("BANDWIDTH_API_TOKEN=t-demo0001");
    const dashboardUrl = /BANDWIDTH_DASHBOARD_URL=(\S+)/.exec(out)![1];
    const res = await fetch(`${dashboardUrl}/accounts/9900001/availableNumbers?areaCode=910&quantity=1`, {
      headers: { Authorization: basic("demo", "demo-password") },
    });
    expect(res.status).to.equal(200);
    const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
    proc.kill("SIGTERM");
    expect(await exited).to.equal(0);
  });

  const cliPath = () => join(__dirname, "..", "..", "..", "emulator", "cli.js");

  for (const flag of ["--help", "-h"]) {
    it(`${flag} prints the usage, every option included, on standard output and exits 0 without starting`, () => {
      const run = spawnSync(process.execPath, [cliPath(), flag], { encoding: "utf8", timeout: 10_000 });
      expect(run.status).to.equal(0);
      expect(run.stdout).to.match(/^usage: bandwidth-emulator/);
      for (const option of ["--port", "--state-file", "--fault", "--no-legacy-basic-auth", "--quiet", "--help"]) {
        expect(run.stdout).to.contain(option);
      }
      expect(run.stdout).not.to.contain("listening");
      expect(run.stderr).to.equal("");
    });
  }

  it("an unknown option is an error on standard error with the usage, exit status 2", () => {
    const run = spawnSync(process.execPath, [cliPath(), "--no-such-flag"], { encoding: "utf8", timeout: 10_000 });
    expect(run.status).to.equal(2);
    expect(run.stderr).to.contain("unknown option --no-such-flag").and.contain("usage: bandwidth-emulator");
    expect(run.stdout).to.equal("");
  });
});
