import { expect } from "chai";
import type { RunningEmulator } from "../../../emulator";
import { DEMO, fastEmulator, numbersCall, OTHER_ACCOUNT, orderNumbers, tag, tags, voiceCall } from "./calls";

describe("emulator: authentication and account isolation", () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await fastEmulator({ accounts: [DEMO, OTHER_ACCOUNT] });
  });
  after(() => emu.close());

  it("answers 401 with an empty body to a wrong Dashboard password", async () => {
    const res = await numbersCall(emu, "GET", "/accounts/9900001/orders", undefined, {
      username: "demo",
      password: "wrong",
    });
    expect(res.status).to.equal(401);
    expect(res.body).to.equal("");
  });

  it("answers 403 when valid credentials name another account's id", async () => {
    const res = await numbersCall(emu, "GET", "/accounts/9900002/orders");
    expect(res.status).to.equal(403);
  });

  it("answers 401 on v1 for a bad secret and 403 for another user's path", async () => {
    const bad = await voiceCall(emu, "GET", "/v1/users/u-demo0001/phoneNumbers", undefined, {
      apiToken: "t-demo0001",
      apiSecret: "nope",
    });
    expect(bad.status).to.equal(401);
    expect(JSON.parse(bad.body).category).to.equal("unauthorized");
    const other = await voiceCall(emu, "GET", "/v1/users/u-other0002/phoneNumbers");
    expect(other.status).to.equal(403);
  });

  it("never shows one account's orders or numbers to another", async () => {
    const [tn] = await orderNumbers(emu, "919", 1);
    const otherCreds = { username: OTHER_ACCOUNT.username, password: OTHER_ACCOUNT.password };
    const list = await numbersCall(emu, "GET", "/accounts/9900002/orders?page=1&size=10", undefined, otherCreds);
    expect(list.status).to.equal(404); // an empty list
    expect(list.body).not.to.include(tn);
    const inService = await numbersCall(emu, "GET", `/accounts/9900002/inserviceNumbers/${tn}`, undefined, otherCreds);
    expect(inService.status).to.equal(404);
    const mine = await numbersCall(emu, "GET", `/accounts/9900001/inserviceNumbers/${tn}`);
    expect(mine.status).to.equal(200);
    expect(mine.body).to.equal("");
    // /tns is not account-scoped: it still answers, naming the holder
    const tnInfo = await numbersCall(emu, "GET", `/tns/${tn}`, undefined, otherCreds);
    expect(tnInfo.status).to.equal(200);
    expect(tag(tnInfo.body, "AccountId")).to.equal("9900001");
    expect(emu.model.accountSummary("9900002").inService).to.equal(0);
  });

  it("refuses an order on another account's site with 5016", async () => {
    const res = await numbersCall(
      emu,
      "POST",
      "/accounts/9900001/orders",
      "<Order><SiteId>771</SiteId><AreaCodeSearchAndOrderType><AreaCode>919</AreaCode><Quantity>1</Quantity></AreaCodeSearchAndOrderType></Order>",
    );
    expect(res.status).to.equal(400);
    expect(tags(res.body, "Code")).to.include("5016");
  });
});

describe("emulator: availableNumbers search", () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await fastEmulator();
  });
  after(() => emu.close());

  const search = async (query: string) =>
    numbersCall(emu, "GET", `/accounts/${emu.credentials.accountId}/availableNumbers?${query}`);

  const cases: Array<[string, string, (tn: string) => boolean]> = [
    ["areaCode", "areaCode=910&quantity=5", (tn) => tn.startsWith("910")],
    ["npaNxx", "npaNxx=919230&quantity=5", (tn) => tn.startsWith("919230")],
    ["npaNxxx", "npaNxxx=9192301&quantity=5", (tn) => tn.startsWith("9192301")],
    ["rateCenter+state", "rateCenter=CARY&state=NC&quantity=5", (tn) => /^919(367|380)/.test(tn)],
    ["city+state", "city=BOSTON&state=MA&quantity=5", (tn) => tn.startsWith("617")],
    ["state", "state=VA&quantity=5", (tn) => /^(540|703)/.test(tn)],
    ["zip", "zip=02134&quantity=5", (tn) => tn.startsWith("617")],
    ["lata", "lata=722&quantity=5", (tn) => tn.startsWith("415")],
    ["tollFreeWildCardPattern", "tollFreeWildCardPattern=87*&quantity=5", (tn) => tn.startsWith("877")],
    ["tollFreeVanity", "tollFreeVanity=FLOWERS&quantity=5", (tn) => tn.endsWith("3569377")],
    ["localVanity", "localVanity=JJJ1&areaCode=919&quantity=3", (tn) => tn.slice(3).includes("5551")],
  ];
  for (const [criterion, query, matches] of cases) {
    it(`finds numbers by ${criterion} and every result matches it`, async () => {
      const res = await search(query);
      expect(res.status).to.equal(200);
      const found = tags(res.body, "TelephoneNumber");
      expect(found.length).to.be.greaterThan(0);
      expect(Number(tag(res.body, "ResultCount"))).to.equal(found.length);
      for (const tn of found) expect(matches(tn), tn).to.equal(true);
    });
  }

  it("finds by localVanity with endsIn=true only numbers ending in the vanity digits", async () => {
    const sample = tag((await search("areaCode=910&quantity=1")).body, "TelephoneNumber")!;
    const res = await search(`localVanity=${sample.slice(6)}&endsIn=true&state=NC&quantity=50`);
    const found = tags(res.body, "TelephoneNumber");
    expect(found).to.include(sample);
    for (const tn of found) expect(tn.endsWith(sample.slice(6))).to.equal(true);
  });

  it("returns exactly the 7 numbers of the seed guide's 540551 search", async () => {
    const res = await search("npaNxx=540551&quantity=10");
    expect(tags(res.body, "TelephoneNumber")).to.have.length(7);
  });

  it("returns at most 5000 numbers when quantity is absent (the API default)", async () => {
    const res = await search("state=NC");
    const count = Number(tag(res.body, "ResultCount"));
    expect(count).to.be.greaterThan(1000);
    expect(count).to.be.at.most(5000);
  });

  it("answers enableTNDetail with city, LATA, rate center and state, keeping zips as text", async () => {
    const res = await search("zip=02134&quantity=1&enableTNDetail=true");
    expect(tag(res.body, "City")).to.equal("BOSTON");
    expect(tag(res.body, "LATA")).to.equal("128");
    expect(tag(res.body, "RateCenter")).to.equal("BOSTON");
    expect(tag(res.body, "State")).to.equal("MA");
  });

  it("answers a query that matches nothing with an empty SearchResult", async () => {
    const res = await search("npaNxx=201999&quantity=1");
    expect(res.status).to.equal(200);
    expect(tag(res.body, "ResultCount")).to.equal("0");
    expect(res.body).not.to.contain("TelephoneNumberList");
  });

  // Codes from Bandwidth's Numbers error table (SearchErrorType): one per criterion, 4010 for unsupported criteria.
  const badQueries: Array<[string, string]> = [
    ["areaCode=1x9", "4000"],
    ["rateCenter=CARY", "4001"],
    ["npaNxx=12345", "4002"],
    ["tollFreeWildCardPattern=9**", "4004"],
    ["city=CARY", "4005"],
    ["state=NCX", "4006"],
    ["zip=123", "4007"],
    ["lata=123456", "4008"],
    ["quantity=0&areaCode=919", "4010"],
    ["foo=bar", "4010"],
  ];
  for (const [bad, code] of badQueries) {
    it(`answers 400 with SearchResult/Error code ${code} for the bad query ${bad}`, async () => {
      const res = await search(bad);
      expect(res.status).to.equal(400);
      expect(res.body).to.match(/<SearchResult>\s*<Error>\s*<Code>\d+<\/Code>\s*<Description>[^<]+<\/Description>/);
      expect(tag(res.body, "Code")).to.equal(code);
    });
  }
});
