import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Compilation, Compiler, Module } from 'webpack';

interface ModuleRow {
  name: string;
  size: number;
}

/**
 * H5 only, on demand (`H5_CHUNK_REPORT=<file.json> npx taro build --type h5`): writes, per chunk,
 * its files, whether index.html loads it (initial), what imports it, and its modules by size
 * (before minification). Used to see what app.js carries on 首页's critical path; the build
 * output alone names chunks by number.
 */
export class ChunkReportPlugin {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.afterEmit.tap('ChunkReportPlugin', (compilation: Compilation) => {
      const root = compiler.context;
      const name = (m: Module) => {
        const id = m.nameForCondition() ?? m.identifier();
        return path.relative(root, id.split('!').pop() ?? id).replace(/.*node_modules\//, '~/');
      };
      const chunks = [...compilation.chunks].map((chunk) => {
        const modules: ModuleRow[] = [];
        for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          // A concatenated module lists its parts (that is where the bytes are).
          const parts = (m as Module & { modules?: Iterable<Module> }).modules;
          for (const p of parts ? [...parts] : [m]) modules.push({ name: name(p), size: p.size() });
        }
        modules.sort((a, b) => b.size - a.size);
        const origins = new Set<string>();
        for (const g of chunk.groupsIterable) for (const o of g.origins) if (o.request) origins.add(o.request);
        const size = modules.reduce((s, m) => s + m.size, 0);
        return { id: chunk.id, files: [...chunk.files], initial: chunk.canBeInitial(), size, origins: [...origins].slice(0, 8), modules };
      });
      chunks.sort((a, b) => b.size - a.size);
      writeFileSync(this.file, JSON.stringify(chunks, null, 1));
    });
  }
}
