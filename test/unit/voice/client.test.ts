import { expect } from "chai";
import { describeJsonErrors, nextLink } from "../../../provider/voice/client";

describe("voice v1 error bodies", () => {
  it("reads {category, code, message, details} with its details", () => {
    const body = JSON.stringify({
      category: "conflict",
      code: "duplicate-number",
      message: "Number already exists",
      details: [{ name: "number", value: "+19195550001" }],
    });
    const [detail] = describeJsonErrors(body);
    expect(detail.code).to.equal("duplicate-number");
    expect(detail.description).to.include("Number already exists").and.include("+19195550001");
  });

  it("keeps every error of an array body and ignores non-JSON", () => {
    const body = JSON.stringify([
      { code: "validation-error", message: "bad name" },
      { code: "validation-error", message: "bad fallback" },
    ]);
    expect(describeJsonErrors(body).map((e) => e.description)).to.deep.equal(["bad name", "bad fallback"]);
    expect(describeJsonErrors("<html>")).to.deep.equal([]);
    expect(describeJsonErrors("")).to.deep.equal([]);
  });
});

describe("voice v1 Link header", () => {
  it("finds rel=next among several links", () => {
    const link =
      '<https://api.example/v1/users/u-1/phoneNumbers?page=0&size=2>; rel="first", ' +
      '<https://api.example/v1/users/u-1/phoneNumbers?page=1&size=2>; rel="next"';
    expect(nextLink(link)).to.equal("https://api.example/v1/users/u-1/phoneNumbers?page=1&size=2");
  });

  it("returns undefined on the last page", () => {
    expect(nextLink('<https://api.example/x?page=0>; rel="first"')).to.equal(undefined);
    expect(nextLink(undefined)).to.equal(undefined);
  });
});
