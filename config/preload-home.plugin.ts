import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Compilation, Compiler } from 'webpack';

/**
 * H5 only. Adds `<link rel="preload">` to index.html for the chunks of the first page (首页),
 * which Taro's router otherwise requests only after app.js has downloaded and run: on a slow
 * phone (400 ms latency, 4× slower CPU) that is a second wave of requests started seconds late.
 * With the hints the browser fetches them alongside app.js. Other pages are not preloaded: a
 * villager almost always opens 首页 first, and their chunks would compete for the bandwidth.
 */
export class PreloadPagePlugin {
  constructor(private readonly page: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('PreloadPagePlugin', (compilation: Compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadPagePlugin', (data) => {
        const publicPath = typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '/';
        const links = this.files(compilation).map((file) =>
          HtmlWebpackPlugin.createHtmlTagObject('link', { rel: 'preload', as: file.endsWith('.css') ? 'style' : 'script', href: publicPath + file }),
        );
        data.headTags.unshift(...links);
        return data;
      });
    });
  }

  /** The files of the async chunk group(s) that load `page` (the router's `import()` of it). */
  private files(compilation: Compilation): string[] {
    const initial = new Set<string>();
    for (const ep of compilation.entrypoints.values()) for (const c of ep.chunks) for (const f of c.files) initial.add(f);
    const out = new Set<string>();
    for (const group of compilation.chunkGroups) {
      const loadsPage = group.origins.some((o) => typeof o.request === 'string' && o.request.replace(/\\/g, '/').includes(this.page));
      if (!loadsPage) continue;
      for (const chunk of group.chunks) for (const f of chunk.files) if (/\.(js|css)$/.test(f) && !initial.has(f)) out.add(f);
    }
    return [...out].sort();
  }
}
