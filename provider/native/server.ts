/**
 * The gRPC side of the native provider: Pulumi's ResourceProvider service (the protocol definitions and gRPC library
 * that `@pulumi/pulumi` ships, resolved through it so the messages and the server share one copy) bound to
 * {@link BandwidthProvider}. `@pulumi/pulumi/provider`'s own `main` answers Configure without passing the settings on
 * and sends no detailed diff, so this module serves the service itself.
 */
import { createRequire } from "node:module";
import type * as grpcTypes from "@grpc/grpc-js";
import { BandwidthProvider, type NativeDiff, PartialStateError, type PropertyChange } from "./provider";

/** Loads a module as `@pulumi/pulumi` resolves it. */
const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));
const grpc = fromPulumi("@grpc/grpc-js") as typeof grpcTypes;
/* eslint-disable @typescript-eslint/no-explicit-any -- generated protocol classes without usable typings here */
const proto: any = fromPulumi("@pulumi/pulumi/proto/provider_pb");
const services: any = fromPulumi("@pulumi/pulumi/proto/provider_grpc_pb");
const pluginProto: any = fromPulumi("@pulumi/pulumi/proto/plugin_pb");
const engineProto: any = fromPulumi("@pulumi/pulumi/proto/engine_pb");
const engineServices: any = fromPulumi("@pulumi/pulumi/proto/engine_grpc_pb");
const emptyProto: any = fromPulumi("google-protobuf/google/protobuf/empty_pb");
const structProto: any = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const anyProto: any = fromPulumi("google-protobuf/google/protobuf/any_pb");
const statusProto: any = fromPulumi("@pulumi/pulumi/proto/status_pb");

type Props = Record<string, unknown>;
type Call = grpcTypes.ServerUnaryCall<any, any>;
type Callback = grpcTypes.sendUnaryData<any>;

const toJs = (s: any): Props => (s ? (s.toJavaScript() as Props) : {});
// A struct cannot hold `undefined`: a JSON round trip drops such keys, as the engine would.
const toStruct = (o: unknown) => structProto.Struct.fromJavaScript(JSON.parse(JSON.stringify(o ?? {})));

const KINDS: Record<PropertyChange, number> = {
  add: proto.PropertyDiff.Kind.ADD,
  "add-replace": proto.PropertyDiff.Kind.ADD_REPLACE,
  delete: proto.PropertyDiff.Kind.DELETE,
  "delete-replace": proto.PropertyDiff.Kind.DELETE_REPLACE,
  update: proto.PropertyDiff.Kind.UPDATE,
  "update-replace": proto.PropertyDiff.Kind.UPDATE_REPLACE,
};

/** The error sent for a failed call; a partial state travels as ErrorResourceInitFailed so the engine keeps it. */
function failure(e: unknown): Partial<grpcTypes.StatusObject> {
  const message = e instanceof Error ? e.message : String(e);
  const metadata = new grpc.Metadata();
  if (e instanceof PartialStateError) {
    const detail = new proto.ErrorResourceInitFailed();
    detail.setId(e.id);
    detail.setProperties(toStruct(e.properties));
    detail.setReasonsList(e.reasons);
    const packed = new anyProto.Any();
    packed.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new statusProto.Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(message);
    status.addDetails(packed);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return { code: grpc.status.UNKNOWN, details: message, metadata };
}

/** Answers a unary call from an async function: its value, or the error as the engine reads it. */
function unary(fn: (req: any) => Promise<unknown> | unknown) {
  return (call: Call, callback: Callback) => {
    Promise.resolve()
      .then(() => fn(call.request))
      .then(
        (value) => callback(null, value),
        (e) => callback(failure(e) as grpcTypes.ServiceError, null),
      );
  };
}

function diffResponse(d: NativeDiff): any {
  const resp = new proto.DiffResponse();
  resp.setChanges(d.changes ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE);
  resp.setReplacesList(d.replaces);
  resp.setStablesList(d.stables);
  resp.setDeletebeforereplace(d.deleteBeforeReplace);
  resp.setDiffsList(Object.keys(d.detailedDiff));
  const detailed = resp.getDetaileddiffMap();
  for (const [key, kind] of Object.entries(d.detailedDiff)) {
    const p = new proto.PropertyDiff();
    p.setKind(KINDS[kind]);
    p.setInputdiff(true);
    detailed.set(key, p);
  }
  resp.setHasdetaileddiff(Object.keys(d.detailedDiff).length > 0);
  return resp;
}

function checkResponse(result: { inputs: Props; failures: Array<{ property: string; reason: string }> }): any {
  const resp = new proto.CheckResponse();
  resp.setInputs(toStruct(result.inputs));
  resp.setFailuresList(
    result.failures.map((f) => {
      const failure = new proto.CheckFailure();
      failure.setProperty(f.property);
      failure.setReason(f.reason);
      return failure;
    }),
  );
  return resp;
}

/** The service's handlers, each a thin translation between protocol messages and {@link BandwidthProvider}. */
function handlers(provider: BandwidthProvider, engine: { address?: string }) {
  const unimplemented = (name: string) => (_call: unknown, callback: Callback) =>
    callback({ code: grpc.status.UNIMPLEMENTED, details: `${name} is not implemented` } as grpcTypes.ServiceError);
  return {
    handshake: unary((req) => {
      engine.address = req.getEngineAddress();
      const resp = new proto.ProviderHandshakeResponse();
      resp.setAcceptSecrets(true);
      resp.setAcceptResources(true);
      resp.setAcceptOutputs(false);
      return resp;
    }),
    getPluginInfo: unary(() => {
      const info = new pluginProto.PluginInfo();
      info.setVersion(provider.version);
      return info;
    }),
    getSchema: unary((req) => {
      if (req.getVersion() !== 0) throw new Error(`unsupported schema version ${req.getVersion()}`);
      const resp = new proto.GetSchemaResponse();
      resp.setSchema(provider.schema());
      return resp;
    }),
    checkConfig: unary((req) => checkResponse(provider.checkConfig(toJs(req.getNews())))),
    diffConfig: unary(() => {
      // Settings are read per call: a change of credentials or endpoints never replaces a resource.
      const resp = new proto.DiffResponse();
      resp.setChanges(proto.DiffResponse.DiffChanges.DIFF_UNKNOWN);
      return resp;
    }),
    configure: unary((req) => {
      const variables: Record<string, string> = {};
      for (const [k, v] of req.getVariablesMap().entries()) variables[k] = v;
      provider.configure(variables, req.hasArgs() ? toJs(req.getArgs()) : undefined);
      const resp = new proto.ConfigureResponse();
      resp.setAcceptsecrets(true);
      resp.setAcceptresources(true);
      resp.setAcceptoutputs(false);
      resp.setSupportspreview(false);
      return resp;
    }),
    check: unary(async (req) =>
      checkResponse(await provider.check(req.getUrn(), toJs(req.getOlds()), toJs(req.getNews()))),
    ),
    diff: unary(async (req) =>
      diffResponse(
        await provider.diff(
          req.getId(),
          req.getUrn(),
          toJs(req.getOlds()),
          toJs(req.getNews()),
          toJs(req.getOldInputs()),
        ),
      ),
    ),
    create: unary(async (req) => {
      const news = toJs(req.getProperties());
      // The engine asks again during a preview: answer what the state will look like, and touch nothing.
      const result = req.getPreview()
        ? provider.previewCreate(req.getUrn(), news)
        : await provider.create(req.getUrn(), news);
      const resp = new proto.CreateResponse();
      resp.setId(result.id);
      resp.setProperties(toStruct(result.outs));
      return resp;
    }),
    read: unary(async (req) => {
      const inputs = req.getInputs() ? toJs(req.getInputs()) : undefined;
      const result = await provider.read(req.getId(), req.getUrn(), toJs(req.getProperties()), inputs);
      const resp = new proto.ReadResponse();
      resp.setId(result.id);
      resp.setProperties(toStruct(result.props));
      resp.setInputs(toStruct(result.inputs));
      return resp;
    }),
    update: unary(async (req) => {
      const [id, urn, olds, news] = [req.getId(), req.getUrn(), toJs(req.getOlds()), toJs(req.getNews())];
      const result = req.getPreview()
        ? await provider.previewUpdate(id, urn, olds, news)
        : await provider.update(id, urn, olds, news);
      const resp = new proto.UpdateResponse();
      resp.setProperties(toStruct(result.outs));
      return resp;
    }),
    delete: unary(async (req) => {
      await provider.delete(req.getId(), req.getUrn(), toJs(req.getProperties()));
      return new emptyProto.Empty();
    }),
    invoke: unary(async (req) => {
      const result = await provider.invoke(req.getTok(), toJs(req.getArgs()));
      const resp = new proto.InvokeResponse();
      resp.setReturn(toStruct(result.outputs));
      return resp;
    }),
    cancel: unary(() => new emptyProto.Empty()),
    attach: unary((req) => {
      engine.address = req.getAddress();
      return new emptyProto.Empty();
    }),
    getMapping: unary(() => new proto.GetMappingResponse()),
    getMappings: unary(() => new proto.GetMappingsResponse()),
    parameterize: unimplemented("Parameterize"),
    call: unimplemented("Call"),
    construct: unimplemented("Construct"),
    list: (call: grpcTypes.ServerWritableStream<any, any>) =>
      call.emit("error", { code: grpc.status.UNIMPLEMENTED, details: "List is not implemented" }),
  };
}

/**
 * Serves the provider on a loopback port and prints the port, as the engine expects of a plugin. `args` are the
 * plugin's arguments: the engine's address comes first (also given again by Handshake or Attach).
 */
export async function serve(args: readonly string[]): Promise<grpcTypes.Server> {
  const engine: { address?: string } = { address: args.find((a) => !a.startsWith("-")) };
  let client: any;
  const log = (message: string, urn: string | undefined) => {
    if (!engine.address) {
      process.stderr.write(`${message}\n`);
      return;
    }
    client ??= new engineServices.EngineClient(engine.address, grpc.credentials.createInsecure());
    const req = new engineProto.LogRequest();
    req.setSeverity(engineProto.LogSeverity.INFO);
    req.setMessage(message);
    if (urn) req.setUrn(urn);
    req.setStreamid(0);
    req.setEphemeral(false);
    client.log(req, (err: Error | null) => {
      if (err) process.stderr.write(`${message}\n`);
    });
  };
  const provider = new BandwidthProvider(log);
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(services.ResourceProviderService, handlers(provider, engine) as never);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  process.stdout.write(`${port}\n`);
  return server;
}
