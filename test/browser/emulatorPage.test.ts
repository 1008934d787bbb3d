// The emulator page in headless Chromium (Debian's `chromium` package, driven by playwright-core): it loads, shows an
// order placed through the API and follows it from RECEIVED to COMPLETE without a reload. The screenshot is kept
// as a test artifact in test-artifacts/.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { type BrowserContext, chromium } from "playwright-core";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { PAGE_PATH } from "../../emulator/page";
import { importNumber, placeOrder } from "./calls";

/** Debian's package installs the browser here; .ci/run installs it when it is missing. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The repository root: this file compiles to dist/test/browser/. */
const repoRoot = path.resolve(__dirname, "..", "..", "..");
const ARTIFACTS = path.join(repoRoot, "test-artifacts");

describe("emulator page in headless Chromium", function () {
  this.timeout(60_000);

  let emu: RunningEmulator;
  let profile: string;
  let browser: BrowserContext;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `no Chromium at ${CHROMIUM}: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`,
      );
    }
    emu = await startEmulator({ orderDelayMs: 3000, disconnectDelayMs: 500, quiet: true });
    profile = await mkdtemp(path.join(tmpdir(), "pulumi-bandwidth-chromium-"));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 1400, height: 1000 },
    });
  });

  after(async () => {
    await browser?.close();
    await emu?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it("loads, shows an order placed through the API and follows it to COMPLETE while it stays open", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));

    const response = await page.goto(`${emu.url}${PAGE_PATH}`);
    expect(response?.status()).to.equal(200);
    await page.locator('[data-section="accounts"] tbody tr[data-key]').first().waitFor();
    expect(await page.locator('[data-section="orders"] tbody').innerText()).to.include("none yet");

    const orderId = await placeOrder(emu, "919", 2);
    const row = page.locator(`[data-section="orders"] tr[data-key="${orderId}"]`);
    await row.waitFor({ timeout: 5000 });
    expect(await row.locator(".status").innerText()).to.equal("RECEIVED");

    await row.locator(".status", { hasText: "COMPLETE" }).waitFor({ timeout: 10_000 });
    const order = emu.model.getOrder(emu.credentials.accountId, orderId);
    expect(order.completedNumbers).to.have.length(2);
    for (const tn of order.completedNumbers) {
      const number = page.locator(`[data-section="numbers"] tr[data-key="${tn}"]`);
      await number.locator(".status", { hasText: "Inservice" }).waitFor({ timeout: 5000 });
    }

    await importNumber(emu, `+1${order.completedNumbers[0]}`);
    await page.locator(`[data-section="imports"] tbody tr[data-key^="n-"]`).waitFor({ timeout: 5000 });
    const text = await page.locator("main").innerText();
    expect(text).to.include(`+1${order.completedNumbers[0]}`);
    expect(text).to.not.include(emu.credentials.password);
    expect(text).to.not.include(emu.credentials.apiSecret);

    await mkdir(ARTIFACTS, { recursive: true });
    const shot = path.join(ARTIFACTS, "emulator-page.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).to.equal(true);
    expect(problems, "errors in the page").to.deep.equal([]);
  });
});
