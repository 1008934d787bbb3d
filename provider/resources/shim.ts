import type * as pulumi from "@pulumi/pulumi";

/**
 * The provider object Pulumi serializes into every resource's state. Each method only loads the implementation by
 * module path, so the state holds a few hundred bytes and no code of ours: a destroy run after a package upgrade uses
 * the upgraded implementation, and no credential can be captured (configuration is read per call).
 *
 * `modulePath` must be a `pulumi-bandwidth/internal/...` path whose module exports `implementation`.
 */
export function providerShim(modulePath: string): pulumi.dynamic.ResourceProvider {
  return {
    async configure(req) {
      require("pulumi-bandwidth/internal/config").setStackConfig(req.config);
    },
    async check(olds, news) {
      return require(modulePath).implementation.check(olds, news);
    },
    async diff(id, olds, news) {
      return require(modulePath).implementation.diff(id, olds, news);
    },
    async create(inputs) {
      return require(modulePath).implementation.create(inputs);
    },
    async read(id, props) {
      return require(modulePath).implementation.read(id, props);
    },
    async update(id, olds, news) {
      return require(modulePath).implementation.update(id, olds, news);
    },
    async delete(id, props) {
      return require(modulePath).implementation.delete(id, props);
    },
  };
}
