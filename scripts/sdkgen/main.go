// Command sdkgen writes one language's SDK of a Pulumi package from its schema, through the code generators of
// github.com/pulumi/pulumi/pkg/v3 (codegen/<language>.GeneratePackage), the calls `pulumi package gen-sdk` reaches
// through each language host's GeneratePackage. It exists because no language host that the Go module proxy serves
// here implements GeneratePackage; the generated files are the generators' own, written as they return them.
//
//	sdkgen -schema provider/schema/schema.json -language nodejs -version 0.1.0 -out sdk/nodejs
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// tool is the name the generators print in each file's "do not edit" header.
const tool = "pulumi-bandwidth sdkgen"

// generator writes one language's files (path relative to the SDK's root, contents) for a bound package.
type generator func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error)

// noExternalPackages is the schema loader for a package that references no other package: any lookup is an error.
type noExternalPackages struct{}

func (noExternalPackages) refuse(name string) error {
	return fmt.Errorf("the schema references package %q; this generator serves self-contained packages only", name)
}

func (l noExternalPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, l.refuse(name)
}

func (l noExternalPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, l.refuse(d.Name)
}

func (l noExternalPackages) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, l.refuse(name)
}

func (l noExternalPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, l.refuse(d.Name)
}

func bind(schemaPath, version string, loader schema.ReferenceLoader) (*schema.Package, error) {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("%s: %w", schemaPath, err)
	}
	// The schema file carries no version; the plugin's GetSchema adds its own, so the SDK asks the engine for that one.
	if version != "" {
		if _, err := semver.Parse(version); err != nil {
			return nil, fmt.Errorf("-version %q: %w", version, err)
		}
		spec.Version = version
	}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s does not bind: %w", schemaPath, diags)
	}
	return pkg, nil
}

// writeTree replaces dir with exactly the given files, as gen-sdk empties its output directory first.
func writeTree(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func run() error {
	schemaPath := flag.String("schema", "", "the package schema (JSON)")
	language := flag.String("language", "", "the SDK language")
	version := flag.String("version", "", "the plugin version the SDK is for (as the plugin's GetSchema reports it)")
	out := flag.String("out", "", "the directory to write the SDK to (emptied first)")
	flag.Parse()
	gen, ok := generators[*language]
	if !ok || *schemaPath == "" || *out == "" {
		langs := make([]string, 0, len(generators))
		for l := range generators {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		return errors.New("usage: sdkgen -schema FILE -language " + fmt.Sprint(langs) + " [-version X.Y.Z] -out DIR")
	}
	loader := noExternalPackages{}
	pkg, err := bind(*schemaPath, *version, loader)
	if err != nil {
		return err
	}
	files, err := gen(pkg, loader)
	if err != nil {
		return fmt.Errorf("generating the %s SDK: %w", *language, err)
	}
	return writeTree(*out, files)
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(1)
	}
}
