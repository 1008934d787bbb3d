//go:build tools

// Package engine pins the Pulumi YAML language host so scripts/ensure-pulumi.sh can build it from the Go module proxy.
package engine

import _ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
