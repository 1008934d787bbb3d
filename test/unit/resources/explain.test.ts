import { expect } from "chai";
import { ConfigError } from "../../../provider/config";
import { ApiError, RateLimitedError, UnauthorizedError } from "../../../provider/http";
import { explain } from "../../../provider/resources/lifecycle";

const at = { method: "POST", url: "https://api.bandwidth.com/api/accounts/1/orders" };

describe("explain: what a failed operation tells the user", () => {
  it("gives each resource a new error of the same class and code, naming only that resource, and leaves the shared one as it was", () => {
    const shared = new ApiError({ ...at, status: 500 });
    const original = shared.message;
    const first = explain("PhoneNumberOrder num-0", "create", shared) as ApiError & { nextStep: string };
    const second = explain("PhoneNumberOrder num-1", "create", shared) as ApiError & { nextStep: string };
    expect(shared.message).to.equal(original);
    expect(shared).not.to.have.property("nextStep");
    for (const [err, who, other] of [
      [first, "PhoneNumberOrder num-0", "num-1"],
      [second, "PhoneNumberOrder num-1", "num-0"],
    ] as const) {
      expect(err).to.be.instanceOf(ApiError);
      expect(err).not.to.equal(shared);
      expect(err).to.include({ code: "API_ERROR", status: 500 });
      expect(err.cause).to.equal(shared);
      expect(err.message.startsWith(`${who}: ${original}`)).to.equal(true, err.message);
      expect(err.message).not.to.contain(other);
      expect(err.nextStep).to.match(/run `pulumi up` again once the cause is fixed$/);
    }
  });

  it("a rate limit's next step says to wait until the reset and run the same command, and that nothing was ordered twice", () => {
    const resetAt = new Date("2026-12-04T18:00:00.000Z");
    const err = explain("PhoneNumberOrder a", "create", new RateLimitedError({ ...at, status: 429, resetAt }));
    expect(err).to.be.instanceOf(RateLimitedError);
    expect((err as { nextStep: string }).nextStep).to.equal(
      "Nothing is ordered twice on a retry (orders are found by their CustomerOrderId): wait until " +
        "2026-12-04T18:00:00.000Z and run `pulumi up` again",
    );
    const del = explain("PhoneNumberOrder a", "delete", new RateLimitedError({ ...at, status: 429, resetAt }));
    expect((del as { nextStep: string }).nextStep).to.match(
      /^The resource stays in the stack: wait until .* `pulumi destroy` again/,
    );
  });

  it("refused credentials name the OAuth client settings first", () => {
    const err = explain("PhoneNumberOrder a", "read", new UnauthorizedError({ ...at, status: 401 })) as Error;
    const oauth = err.message.indexOf("bandwidth:clientId / bandwidth:clientSecret");
    expect(oauth).to.be.above(-1, err.message);
    expect(err.message).to.contain("BANDWIDTH_CLIENT_ID / BANDWIDTH_CLIENT_SECRET");
    expect(oauth).to.be.below(err.message.indexOf("bandwidth:username"));
  });

  it("an error that names its own next step keeps it, whatever its text says", () => {
    const config = new ConfigError("bandwidth:accountId (or BANDWIDTH_ACCOUNT_ID) is missing");
    const err = explain("Site s", "create", config) as ConfigError;
    expect(err).to.be.instanceOf(ConfigError);
    expect(err.nextStep).to.equal(config.nextStep);
    expect(err.message).to.equal(`Site s: ${config.message}`);
  });
});
