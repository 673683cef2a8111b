/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the shared-runtime page (task pane + custom functions) into dist/.
// custom-functions-metadata-plugin writes dist/functions.json from the JSDoc
// in src/functions/functions.ts and appends the associate() calls itself.
const path = require("path");
const webpack = require("webpack");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { BundleSizePlugin } = require("./scripts/bundleSizePlugin");

const devPort = Number(process.env.npm_package_config_dev_server_port || 3000);

// Dev certificates only matter for the dev server (`npm start`, `npm run serve`).
const { httpsOptions } = require("./scripts/devCerts");

function certificateFailed(error) {
  console.warn(`Could not prepare the development certificate (${error.message}); serving with a self-signed one, which Office will not trust.`);
  return undefined;
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/register.ts",
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    // A chunk request that hangs is given up after 20 s (webpack's default: 120 s) so the pane can ask again (lazyPart.tsx).
    output: { path: path.resolve(__dirname, "dist"), clean: true, chunkFilename: "chunks/[name].[contenthash:8].js", chunkLoadTimeout: 20_000 },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules in the bundle (not the CommonJS of tsconfig.json), so webpack can
            // tree-shake Fluent UI and its icons down to what the pane uses.
            options: { transpileOnly: false, configFile: "tsconfig.build.json", compilerOptions: { module: "es2020" } },
          },
        },
      ],
    },
    performance: { hints: false },
    // The task pane and the custom functions run in ONE page (shared runtime): one webpack
    // runtime, and the code both use (i18next with the catalogues, core helpers) in one shared
    // chunk. So there is one i18next instance (a language switch in the pane reaches the
    // functions too), nothing is downloaded twice, and taskpane.js holds only the pane.
    optimization: {
      runtimeChunk: "single",
      splitChunks: { cacheGroups: { shared: { name: "shared", chunks: "initial", minChunks: 2, enforce: true } } },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane", "commands"],
      }),
      // The pane loads its strings one language at a time (src/taskpane/i18n/index.ts).
      new webpack.DefinePlugin({ __OPSKIT_LAZY_LOCALES__: JSON.stringify(true) }),
      // @fluentui/tokens' 465-entry `tokens` table → the same strings computed on access
      // (scripts/fluentTokens.js; checked key by key in test/scripts/fluentTokens.test.ts).
      new webpack.NormalModuleReplacementPlugin(/[\\/]@fluentui[\\/]tokens[\\/]lib[\\/]tokens\.js$/, path.resolve(__dirname, "scripts/fluentTokens.js")),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
      // Prints each entry's gzip size and its lazy chunks. The page's start-up budget is enforced
      // by test/scripts/bundleSize.test.ts and test/e2e/startup.e2e.test.ts (test/support/bundleBudget.ts).
      new BundleSizePlugin(),
    ],
    devServer: dev
      ? {
          static: { directory: path.join(__dirname, "dist") },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: argv.https === false ? undefined : await httpsOptions().catch(certificateFailed) },
          port: devPort,
        }
      : undefined,
  };
};
