// Lint rules, configured once: ESLint's and typescript-eslint's recommended sets. Formatting is Prettier's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "coverage/",
      "node_modules/",
      "bench/results/",
      "docs/api/",
      "test-artifacts/",
      ".demo/",
      "**/.gitops-run-*/",
      "**/.noop-run-*/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        exports: "writable",
        setTimeout: "readonly",
      },
    },
    rules: {
      // The serialized provider must load the implementation with require() inside its methods.
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
