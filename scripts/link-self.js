#!/usr/bin/env node
// Makes `require("pulumi-bandwidth/...")` resolve inside this checkout, as it does in a user's project where the
// package sits in node_modules: the dynamic provider host resolves the serialized provider's requires from the
// stack's directory, and a stack at the package root has no node_modules/pulumi-bandwidth of its own.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-bandwidth");
try {
  if (fs.realpathSync(link) === root) process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch {
  // absent: create it below
}
fs.mkdirSync(path.dirname(link), { recursive: true });
fs.symlinkSync("..", link, "dir");
