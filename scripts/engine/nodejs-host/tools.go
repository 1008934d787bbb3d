//go:build tools

// Package engine pins the Node.js language host (the last release that ships it inside sdk/v3).
package engine

import _ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"
