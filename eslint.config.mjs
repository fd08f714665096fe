// ESLint flat config: type-aware TypeScript rules, React hooks, Next's own rules, and drizzle's
// guard against DELETE/UPDATE without WHERE. `npm run lint` runs it with zero warnings allowed.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      "data/",
      "tests/.tmp/",
      "bench/tmp/",
      "test-results/",
      "playwright-report/",
      "db/migrations/",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin, drizzle },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // The names drizzle handles go by here: `tx` in write transactions, `db`, and `getDb()` (the
      // plugin matches a call by its callee's name, so "getDb", not "getDb()").
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // An async handler in a JSX attribute is how forms are written here (react-hook-form's
      // handleSubmit returns a promise; React ignores what an event handler returns). Promises
      // passed as other void callbacks (setTimeout, forEach…) are still reported.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Hooks rules for React code only: test helpers such as useTempDatabase are not React hooks.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only says the React Compiler would skip a component (e.g. one using react-hook-form's
      // watch()); this project does not run the compiler (no reactCompiler in next.config.js).
      "react-hooks/incompatible-library": "off",
    },
  },
  {
    // Plain JavaScript (config files, scripts run by node): no type information, so no
    // type-aware rules. The languageOptions merge keeps disableTypeChecked's parser options.
    files: ["**/*.{js,mjs}"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        Buffer: "readonly",
        fetch: "readonly",
      },
    },
  },
  {
    // next.config.js is CommonJS (module.exports).
    files: ["next.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", __dirname: "readonly" } },
  },
);
