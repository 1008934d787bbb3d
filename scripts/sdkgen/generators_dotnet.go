//go:build sdkgen_dotnet

package main

import (
	"bytes"
	_ "embed"
	"io"
	"net/http"

	"github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// pkg/v3 has no C# generator from v3.248.0 on (it moved into the .NET language host, which the Go module proxy does not
// serve here); v3.206.0 still has it, so this file is built with -modfile=dotnet.mod, which pins that release.
var generators = map[string]generator{
	"dotnet": func(pkg *schema.Package, _ schema.ReferenceLoader) (map[string][]byte, error) {
		if pkg.LogoURL == "" {
			// The generator downloads the NuGet icon from logoUrl (Pulumi's logo when unset); the build is offline.
			http.DefaultTransport.(*http.Transport).RegisterProtocol("bundled", bundledLogo{})
			pkg.LogoURL = "bundled:logo.png"
		}
		return dotnet.GeneratePackage(tool, pkg, nil, nil)
	},
}

//go:embed logo.png
var logo []byte

// bundledLogo answers every request with the project's own icon.
type bundledLogo struct{}

func (bundledLogo) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"image/png"}}, Body: io.NopCloser(bytes.NewReader(logo)),
		ContentLength: int64(len(logo)), Request: req,
	}, nil
}
