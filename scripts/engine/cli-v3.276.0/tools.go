//go:build tools

// Package engine pins the Pulumi CLI so scripts/ensure-pulumi.sh can build it from the Go module proxy.
package engine

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
