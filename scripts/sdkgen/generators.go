//go:build !sdkgen_dotnet

package main

import (
	"flag"
	"fmt"

	"golang.org/x/mod/modfile"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// The generators of the pkg/v3 release in go.mod, called with no local dependencies, as a published SDK is built.
var generators = map[string]generator{
	"nodejs": func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error) {
		return nodejs.GeneratePackage(tool, pkg, nil, nil, false, loader)
	},
	"python": func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error) {
		return python.GeneratePackage(tool, pkg, nil, loader)
	},
	"go": func(pkg *schema.Package, _ schema.ReferenceLoader) (map[string][]byte, error) {
		files, err := gogen.GeneratePackage(tool, pkg, nil)
		if err != nil || *goSDKVersion == "" {
			return files, err
		}
		return files, requirePulumiSDK(files, *goSDKVersion)
	},
}

var goSDKVersion = flag.String("go-sdk-version", "",
	"the github.com/pulumi/pulumi/sdk/v3 release the Go SDK's go.mod requires, instead of the generator's own")

// requirePulumiSDK sets the generated go.mod's requirement on the Pulumi Go SDK to version.
func requirePulumiSDK(files map[string][]byte, version string) error {
	const sdk = "github.com/pulumi/pulumi/sdk/v3"
	mod, err := modfile.Parse("go.mod", files["go.mod"], nil)
	if err != nil {
		return fmt.Errorf("the generated go.mod: %w", err)
	}
	if err := mod.AddRequire(sdk, version); err != nil {
		return err
	}
	out, err := mod.Format()
	files["go.mod"] = out
	return err
}
