import fs from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// Page features: each folder of components/ except the shared layers. A feature may import components/ui,
// components/shared and itself, never another feature: what two features need moves to components/shared.
const SHARED_LAYERS = new Set(["ui", "shared"]);
const features = fs
  .readdirSync(new URL("./components", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SHARED_LAYERS.has(entry.name))
  .map((entry) => entry.name);

// Flat config replaces (does not merge) a rule's options per file, so every components/ block repeats these.
const componentsMayNot = ["@/app/*", "@/lib/server/*", "../*"];
const restrict = (patterns, message) => ["error", { patterns: [{ group: patterns, message }] }];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".tmp/**",
    "docs/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // It is the slowest rule here, so it skips what cannot be in a cycle of ours: node_modules, and test files
    // (nothing imports them). Each of the two halved its time.
    ignores: ["**/*.test.{ts,tsx}", "**/*.spec.ts"],
    settings: { "import/ignore": ["node_modules"] },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // Type-aware rules. A promise nobody awaits hides its rejection, so event handlers say `void` where they
    // start one (checksVoidReturn stays on: the three handlers that needed it handle their own errors).
    // Imports used only as types say so, so readers and single-file transpilers know they vanish at runtime.
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // `typeof import("./x")` stays allowed: it is type-only already, and Vitest's importOriginal idiom uses it.
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
    },
  },
  {
    // One-way imports: lib never reaches into components or app; client code never imports lib/server.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict(
        ["@/app/*", "@/components/*", "@/lib/server/*"],
        "lib/ is shared and pure: it never imports app/, components/ or lib/server/.",
      ),
    },
  },
  {
    files: ["lib/server/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict(
        ["@/app/*", "@/components/*"],
        "lib/server serves app/api and server components: it never imports app/ or components/.",
      ),
    },
  },
  {
    files: ["components/ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrict(
        [...componentsMayNot, "@/components/*", "!@/components/ui"],
        "components/ui holds generic pieces: it imports only itself and lib/ (never lib/server).",
      ),
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["components/ui/**"],
    rules: {
      "no-restricted-imports": restrict(
        componentsMayNot,
        "components/ never imports app/ or lib/server/; cross-folder imports use @/ paths.",
      ),
    },
  },
  {
    files: ["components/shared/**/*.{ts,tsx}", "components/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrict(
        [...componentsMayNot, ...features.map((feature) => `@/components/${feature}/*`)],
        "Shared components serve every feature, so they import none: only components/ui, components/shared and lib/.",
      ),
    },
  },
  ...features.map((feature) => ({
    files: [`components/${feature}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": restrict(
        [
          ...componentsMayNot,
          ...features.filter((other) => other !== feature).map((other) => `@/components/${other}/*`),
        ],
        `components/${feature} may import components/ui, components/shared and lib/ (never lib/server), not another feature: move what two features need to components/shared.`,
      ),
    },
  })),
]);
