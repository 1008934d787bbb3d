/**
 * The package's registry-shaped docs, docs/_index.md (overview, resources, one example per language) and
 * docs/installation-configuration.md (installing the plugin and an SDK, every configuration setting), rendered from the
 * Pulumi package schema and the example programs in examples/sdk-<language>/ (the ones `npm run test:sdk` compiles).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** The parts of the package schema (its JSON form) the docs read. */
interface SchemaDoc {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly config: {
    readonly variables: Record<
      string,
      {
        readonly type: string;
        readonly description: string;
        readonly default?: unknown;
        readonly secret?: boolean;
        readonly defaultInfo?: { readonly environment?: readonly string[] };
      }
    >;
  };
  readonly resources: Record<string, { readonly description: string }>;
  readonly functions: Record<string, { readonly description: string }>;
  readonly language: {
    readonly nodejs: { readonly packageName: string };
    readonly python: { readonly packageName: string };
    readonly go: { readonly importBasePath: string };
    readonly csharp: { readonly rootNamespace: string };
  };
}

/** Each language of the registry's chooser: its key, its example program, and its code fence. */
const LANGUAGES = [
  { key: "typescript", title: "TypeScript", example: "examples/sdk-nodejs/index.ts", fence: "typescript" },
  { key: "python", title: "Python", example: "examples/sdk-python/__main__.py", fence: "python" },
  { key: "go", title: "Go", example: "examples/sdk-go/main.go", fence: "go" },
  { key: "csharp", title: "C#", example: "examples/sdk-dotnet/Program.cs", fence: "csharp" },
] as const;

const header = (what: string) =>
  `<!-- Generated from provider/schema/ and ${what} by \`npm run generate\`: do not edit. -->`;

const frontMatter = (title: string, metaDesc: string) =>
  ["---", `title: ${title}`, `meta_desc: ${metaDesc}`, "layout: package", "---"].join("\n");

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The member's name in a type token, e.g. `PhoneNumberOrder` in `bandwidth:index:PhoneNumberOrder`. */
const member = (token: string) => token.slice(token.lastIndexOf(":") + 1);

/** A chooser with one block per language, in the registry's shortcodes. */
function chooser(blocks: Record<(typeof LANGUAGES)[number]["key"], string>): string {
  const out = [`{{< chooser language "${LANGUAGES.map((l) => l.key).join(",")}" >}}`];
  for (const l of LANGUAGES)
    out.push(`{{% choosable language ${l.key} %}}`, "", blocks[l.key], "", "{{% /choosable %}}");
  out.push("{{< /chooser >}}");
  return out.join("\n");
}

/** docs/_index.md: what the package is, what it manages, and the same program in every language. */
export function renderIndex(schema: SchemaDoc, root: string): string {
  const examples = Object.fromEntries(
    LANGUAGES.map((l) => {
      const code = readFileSync(path.join(root, l.example), "utf8").trimEnd();
      return [l.key, ["```" + l.fence, code, "```"].join("\n")];
    }),
  ) as Record<(typeof LANGUAGES)[number]["key"], string>;
  const rows = (kind: string, members: Record<string, { description: string }>) =>
    Object.entries(members).map(([token, m]) => `| \`${member(token)}\` | ${kind} | ${cell(m.description)} |`);
  return [
    frontMatter(schema.displayName, schema.description),
    "",
    header("examples/sdk-*/"),
    "",
    `The ${schema.displayName} provider for Pulumi. ${schema.description} It is a native plugin,`,
    `\`pulumi-resource-${schema.name}\`, with an SDK for each language; see`,
    "[Installation & Configuration](./installation-configuration.md).",
    "",
    "## Resources and functions",
    "",
    "| name | kind | what it is |",
    "| --- | --- | --- |",
    ...rows("resource", schema.resources),
    ...rows("function", schema.functions),
    "",
    "## Example",
    "",
    "A site, two numbers ordered in one area code (`areaCode` in the stack's config, 919 by default), and the numbers",
    "still available there:",
    "",
    chooser(examples),
    "",
  ].join("\n");
}

/** docs/installation-configuration.md: the plugin, the SDKs, and the configuration table. */
export function renderInstallation(schema: SchemaDoc): string {
  const lang = schema.language;
  const goModule = path.posix.dirname(lang.go.importBasePath);
  const settings = Object.entries(schema.config.variables).map(([name, v]) => {
    const env = (v.defaultInfo?.environment ?? []).map((e) => `\`${e}\``).join(", ");
    const fallback = v.default === undefined ? "" : `\`${String(v.default)}\``;
    return `| \`${schema.name}:${name}\` | ${env} | ${v.type}${v.secret ? ", secret" : ""} | ${fallback} | ${cell(v.description)} |`;
  });
  return [
    frontMatter(
      `${schema.displayName} Installation & Configuration`,
      `How to install and configure the ${schema.displayName} provider.`,
    ),
    "",
    header("the SDK names in provider/schema/package.ts"),
    "",
    "## Installation",
    "",
    `### The plugin, \`pulumi-resource-${schema.name}\``,
    "",
    "The engine runs the provider plugin; install it one of two ways:",
    "",
    `- **From npm**: \`npm install -g pulumi-${schema.name}\` puts \`pulumi-resource-${schema.name}\` in npm's global bin`,
    "  directory (`$(npm prefix -g)/bin`); keep that directory on `PATH` where `pulumi` runs. The engine takes a plugin",
    "  found on `PATH` (and says so in a warning).",
    `- **From a release archive**: \`pulumi plugin install resource ${schema.name} <version> --file <archive>\` installs`,
    "  it into Pulumi's plugin cache, where a program's SDK finds it by version.",
    "",
    "### The SDK of your program's language",
    "",
    "The SDKs are generated from the package schema into `sdk/` of this repository; none is published to a registry yet.",
    "",
    `- **TypeScript / JavaScript**: \`${lang.nodejs.packageName}\`, built from \`sdk/nodejs\` (\`npm install && npm run build\`,`,
    "  then copy `package.json` into `bin/`), then `npm install <sdk/nodejs/bin>`.",
    `- **Python**: \`${lang.python.packageName}\`, \`pip install <sdk/python>\`.`,
    `- **Go**: \`${lang.go.importBasePath}\`, with \`require ${goModule} v0.0.0\` and`,
    `  \`replace ${goModule} => <sdk/go>\` in your \`go.mod\`.`,
    `- **.NET**: \`${lang.csharp.rootNamespace}.${schema.displayName}\`, a \`ProjectReference\` to`,
    `  \`sdk/dotnet/${lang.csharp.rootNamespace}.${schema.displayName}.csproj\`.`,
    "",
    "## Configuration",
    "",
    `Each setting is read from the stack's config (\`pulumi config set ${schema.name}:<option> <value>\`, with \`--secret\``,
    "for a secret) or else from its environment variable; stack config wins. Pulumi refuses to store a value that looks",
    `like a secret in plain text (it does for \`${schema.name}:tokenUrl\`): add \`--plaintext\` for such a value that is not one.`,
    "",
    "| option | environment variable | type | default | meaning |",
    "| --- | --- | --- | --- | --- |",
    ...settings,
    "",
  ].join("\n");
}
