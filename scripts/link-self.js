#!/usr/bin/env node
// Makes `require("pulumi-bandwidth/...")` resolve inside this checkout, as it does in a user's project where the
// package sits in node_modules: the dynamic provider host resolves the serialized provider's requires from the
// stack's directory, and a stack at the package root has no node_modules/pulumi-bandwidth of its own.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-bandwidth");
let linked = false;
try {
  linked = fs.realpathSync(link) === root;
  if (!linked) fs.rmSync(link, { recursive: true, force: true });
} catch {
  // absent: create it below
}
if (!linked) {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync("..", link, "dir");
}

// The native provider plugin: the engine finds `pulumi-resource-bandwidth` on PATH, and npm links a package's own
// `bin` only into the projects that install it, so the checkout gets a launcher in node_modules/.bin (put that
// directory on PATH to run YAML or generated-SDK programs against this checkout).
const bin = path.join(root, "node_modules", ".bin");
const launcher = path.join(bin, "pulumi-resource-bandwidth");
fs.mkdirSync(bin, { recursive: true });
fs.writeFileSync(launcher, '#!/bin/sh\nexec node "$(dirname "$0")/../../dist/provider/native/main.js" "$@"\n', {
  mode: 0o755,
});
