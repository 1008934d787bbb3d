#!/usr/bin/env node
/**
 * `pulumi-resource-bandwidth`: the native provider plugin the Pulumi engine starts for `bandwidth:index:*` resources
 * (YAML, Python, Go, C# and generated-SDK programs, and `pulumi import`). It serves the same implementations as the
 * dynamic resources. The engine reads the port from the first line of standard output.
 */
import { serve } from "./server";

serve(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`pulumi-resource-bandwidth: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
