import { expect } from "chai";
import { MalformedResponseError } from "../../../provider/http/errors";
import {
  canonicalName,
  child,
  descend,
  describeXmlErrors,
  isoDate,
  nodes,
  parseDate,
  readErrorDetails,
  readXml,
  text,
  texts,
  writeXml,
} from "../../../provider/numbers/xml";

describe("numbers XML reader", () => {
  it("reads a one-element list as an array", () => {
    const doc = readXml(
      "<SearchResult><TelephoneNumberList><TelephoneNumber>5405514342</TelephoneNumber></TelephoneNumberList></SearchResult>",
    );
    const list = descend(doc, "SearchResult", "TelephoneNumberList");
    expect(list?.TelephoneNumber).to.deep.equal(["5405514342"]);
  });

  it("keeps zips with a leading zero, TNs and ids as strings", () => {
    const doc = readXml("<A><Zip>02134</Zip><TN>0123456789</TN><Id>1e5</Id><Q>0010</Q></A>");
    const a = child(doc, "A");
    expect(text(a, "Zip")).to.equal("02134");
    expect(text(a, "TN")).to.equal("0123456789");
    expect(text(a, "Id")).to.equal("1e5");
    expect(text(a, "Q")).to.equal("0010");
  });

  it("accepts both spellings of the quirky elements", () => {
    for (const [tag, canonical] of [
      ["id", "Id"],
      ["Id", "Id"],
      ["orderId", "OrderId"],
      ["OrderId", "OrderId"],
      ["name", "Name"],
      ["Name", "Name"],
      ["Lata", "Lata"],
      ["LATA", "Lata"],
      ["orderRequest", "OrderRequest"],
      ["lastModifiedDate", "LastModifiedDate"],
    ]) {
      const doc = readXml(`<R><${tag}>v</${tag}></R>`);
      expect(text(child(doc, "R"), canonical), tag).to.equal("v");
      expect(canonicalName(tag)).to.equal(canonical);
    }
  });

  it("round-trips the five standard escapes through writer and reader", () => {
    const original = `<&>"'`;
    const xml = writeXml("Order", { Name: original });
    expect(xml).to.not.include(`<Name><&>`);
    expect(text(child(readXml(xml), "Order"), "Name")).to.equal(original);
    expect(text(child(readXml("<A><B>&lt;&amp;&gt;&quot;&apos;</B></A>"), "A"), "B")).to.equal(`<&>"'`);
  });

  it("decodes escapes in one pass so an escaped escape stays literal", () => {
    expect(text(child(readXml("<A><B>x &amp;lt; y &#65;&#x42;</B></A>"), "A"), "B")).to.equal("x &lt; y AB");
  });

  it("does not expand DOCTYPE entities (billion laughs)", () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><A><B>&lol2;</B></A>';
    const value = text(child(readXml(bomb), "A"), "B");
    expect(value).to.equal("&lol2;");
  });

  it("refuses a body over the size cap", () => {
    expect(() => readXml(`<A>${"x".repeat(2000)}</A>`, 1000)).to.throw(MalformedResponseError);
  });

  it("reads an empty body as an empty document and an empty element as an empty node", () => {
    expect(readXml("")).to.deep.equal({});
    const doc = readXml("<R><ErrorList/></R>");
    expect(child(child(doc, "R"), "ErrorList")).to.deep.equal({});
    expect(readErrorDetails(doc)).to.deep.equal([]);
  });

  it("reads wrapped completed numbers and bare failed numbers", () => {
    const doc = readXml(
      "<OrderResponse><CompletedNumbers><TelephoneNumber><FullNumber>9102414365</FullNumber></TelephoneNumber>" +
        "</CompletedNumbers><FailedNumbers><FullNumber>9195550001</FullNumber></FailedNumbers></OrderResponse>",
    );
    const r = child(doc, "OrderResponse");
    expect(nodes(child(r, "CompletedNumbers"), "TelephoneNumber").flatMap((n) => texts(n, "FullNumber"))).to.deep.equal(
      ["9102414365"],
    );
    expect(texts(child(r, "FailedNumbers"), "FullNumber")).to.deep.equal(["9195550001"]);
  });
});

describe("numbers XML dates", () => {
  it("parses ISO, space-separated, US and epoch dates", () => {
    expect(isoDate("2018-01-23T19:56:29.678Z")).to.equal("2018-01-23T19:56:29.678Z");
    expect(parseDate("2018-01-23 19:56:29")?.getUTCFullYear()).to.equal(2018);
    expect(parseDate("01/23/2018")?.getFullYear()).to.equal(2018);
    expect(isoDate("1516737389")).to.equal("2018-01-23T19:56:29.000Z");
    expect(isoDate("1516737389678")).to.equal("2018-01-23T19:56:29.678Z");
  });

  it("returns undefined instead of throwing on an unparseable date", () => {
    expect(parseDate("not a date")).to.equal(undefined);
    expect(parseDate("")).to.equal(undefined);
    expect(parseDate(undefined)).to.equal(undefined);
    expect(isoDate("2018-13-45T99:99:99Z")).to.equal(undefined);
  });
});

describe("numbers XML errors", () => {
  it("keeps every error of a multi-error 200 order body", () => {
    const body =
      "<OrderResponse><ErrorList>" +
      "<Error><Code>5005</Code><Description>The telephone number is unavailable</Description><TelephoneNumber>9195550001</TelephoneNumber></Error>" +
      "<Error><Code>5218</Code><Description>TN already on another order</Description><TelephoneNumber>9195550002</TelephoneNumber></Error>" +
      "</ErrorList><OrderStatus>FAILED</OrderStatus></OrderResponse>";
    expect(describeXmlErrors(body)).to.deep.equal([
      { code: "5005", description: "The telephone number is unavailable", telephoneNumber: "9195550001" },
      { code: "5218", description: "TN already on another order", telephoneNumber: "9195550002" },
    ]);
  });

  it("reads a bare Error, a ResponseStatus and a ResponseStatus without ErrorCode", () => {
    expect(
      describeXmlErrors(
        "<SearchResult><Error><Code>4007</Code><Description>bad zip</Description></Error></SearchResult>",
      ),
    ).to.deep.equal([{ code: "4007", description: "bad zip" }]);
    expect(
      describeXmlErrors(
        "<SiteResponse><ResponseStatus><ErrorCode>5016</ErrorCode><Description>invalid SiteId</Description></ResponseStatus></SiteResponse>",
      ),
    ).to.deep.equal([{ code: "5016", description: "invalid SiteId" }]);
    expect(describeXmlErrors("<X><ResponseStatus><Description>oops</Description></ResponseStatus></X>")).to.deep.equal([
      { code: "", description: "oops" },
    ]);
  });

  it("finds errors nested in disconnect bodies and ignores non-XML bodies", () => {
    const body =
      "<DisconnectTelephoneNumberOrderResponse><ErrorList><Error><Code>5006</Code>" +
      "<Description>could not be disconnected since it is not associated with your account</Description>" +
      "<TelephoneNumber>8283334444</TelephoneNumber></Error></ErrorList><OrderStatus>FAILED</OrderStatus>" +
      "</DisconnectTelephoneNumberOrderResponse>";
    expect(describeXmlErrors(body)[0]).to.include({ code: "5006", telephoneNumber: "8283334444" });
    expect(describeXmlErrors("")).to.deep.equal([]);
    expect(describeXmlErrors("Service Unavailable")).to.deep.equal([]);
  });
});

describe("numbers XML writer", () => {
  it("leaves out undefined children, repeats arrays and writes booleans as text", () => {
    const xml = writeXml("Order", {
      Name: "n",
      PeerId: undefined,
      PartialAllowed: false,
      TnAttributes: { TnAttribute: ["Protected"] },
      List: { TelephoneNumber: ["1", "2"] },
    });
    expect(xml).to.equal(
      '<?xml version="1.0" encoding="UTF-8"?><Order><Name>n</Name><PartialAllowed>false</PartialAllowed>' +
        "<TnAttributes><TnAttribute>Protected</TnAttribute></TnAttributes>" +
        "<List><TelephoneNumber>1</TelephoneNumber><TelephoneNumber>2</TelephoneNumber></List></Order>",
    );
  });
});
