import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { NormalModuleReplacementPlugin } from 'webpack';
import devConfig from './dev';
import prodConfig from './prod';
import { PreloadPagePlugin } from './preload-home.plugin';
import { ChunkReportPlugin } from './chunk-report.plugin';

const isH5 = process.env.TARO_ENV === 'h5';
const srcDir = path.resolve(__dirname, '..', 'src');

/**
 * One config for both targets. weapp goes to dist/ (project.config.json miniprogramRoot),
 * H5 to dist-h5/ so both builds can coexist (the local host serves dist-h5/).
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'cunxuantong',
    date: '2026-01-01',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    alias: { '@': srcDir },
    defineConstants: {
      /** CloudBase environment id for Taro.cloud.init (weapp only); '' = the default environment. */
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Off: a clean clone and CI must build without a stale .cache; the build is ~15 s anyway.
    cache: { enable: false },
    // Taro's weapp terser default escapes every non-ASCII character (ascii_only): each Chinese
    // character of the UI cost 6 bytes (\uXXXX) instead of its 3 UTF-8 bytes, ~17 KB of the main
    // package. WeChat reads code files as UTF-8 (it refuses other encodings), so plain UTF-8
    // output is safe. Taro's other (conservative) compress options are kept; H5 already had this.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Pages load lazily; without `chunks: 'all'` each page chunk carries its own copy of zod
        // and the web components (~180 KB each). Taro sets `minSize: 0`, which with 'all' cut the
        // pages' shared code into ~20 chunks of under 1 KB each, so 首页 waited for 20 requests
        // at 400 ms latency each (6 at a time). Shared code under 20 KB now stays in each page's
        // own chunk (a few KB duplicated across pages), big shared parts (zod, web components,
        // runtime) are still split once.
        const split = chain.optimization.get('splitChunks') ?? {};
        chain.optimization.splitChunks({ ...split, chunks: 'all', minSize: 20_000 });
        // tslib came twice: its ESM build in app.js (Taro's runtime) and a copy bundled inside
        // @tarojs/components (the component wrappers, in 首页's chunk), imported by relative path.
        chain.plugin('oneTslib').use(NormalModuleReplacementPlugin, [/[\\/]tslib[\\/]tslib\.es6\.js$/, path.resolve(__dirname, '..', 'node_modules', 'tslib', 'tslib.es6.mjs')]);
        // 首页's chunks start downloading with app.js instead of after it has run.
        chain.plugin('preloadHome').use(PreloadPagePlugin, ['pages/index/index']);
        if (process.env.H5_CHUNK_REPORT) chain.plugin('chunkReport').use(ChunkReportPlugin, [process.env.H5_CHUNK_REPORT]);
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
