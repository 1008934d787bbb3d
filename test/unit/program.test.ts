import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/** A program using only the public names, run under Pulumi's mocks: no engine, no network. */
describe("a program using the public names (pulumi.runtime.setMocks)", () => {
  const registered: Registered[] = [];

  before(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource(args) {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs });
          const outs: Record<string, unknown> = { ...args.inputs };
          if (args.type.endsWith(":PhoneNumberOrder")) {
            outs.telephoneNumbers = ["9195550001", "9195550002"];
            outs.e164Numbers = ["+19195550001", "+19195550002"];
          }
          if (args.type.endsWith(":VoiceImport")) outs.numberId = `n-${args.name}`;
          return { id: `${args.name}-id`, state: outs };
        },
        call: () => ({}),
      },
      "proj",
      "dev",
    );
  });

  function value<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => o.apply((v) => resolve(v)));
  }

  it("registers typed resources whose imports follow the ordered numbers", async () => {
    const bw = await import("../../provider");
    const numbers = new bw.PhoneNumberOrder("numbers", { siteId: "461", areaCode: "919", quantity: 2 });
    const imports = [0, 1].map(
      (i) =>
        new bw.VoiceImport(`import-${i}`, {
          number: numbers.e164Numbers.apply((n) => n[i]),
          applicationId: "a-app",
        }),
    );
    expect(await value(numbers.telephoneNumbers)).to.deep.equal(["9195550001", "9195550002"]);
    expect(await value(imports[1].numberId)).to.equal("n-import-1");

    const order = registered.find((r) => r.name === "numbers")!;
    expect(order.type).to.equal("pulumi-nodejs:dynamic/bandwidth:PhoneNumberOrder");
    expect(order.inputs.resourceKey).to.equal("organization/proj/dev/numbers");
    const provider = String(order.inputs.__provider);
    expect(provider).to.include("pulumi-bandwidth/internal/resources/phoneNumberOrder");
    const voice = registered.find((r) => r.name === "import-1")!;
    expect(voice.type).to.equal("pulumi-nodejs:dynamic/bandwidth:VoiceImport");
    expect(voice.inputs.number).to.equal("+19195550002");
  });
});
