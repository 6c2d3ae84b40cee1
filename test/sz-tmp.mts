import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';
for (const tag of ['incident-banner/candor-incident-banner','stepper/candor-stepper','consent/candor-consent']) {
const b = await rollup({ input: `packages/elements/dist/${tag}.js`, plugins: [{name:'l',resolveDynamicImport:()=>false}, nodeResolve({ browser: true, exportConditions: ['browser','production'] })], onwarn(){} });
const { output } = await b.generate({ format: 'es', plugins: [terser({ format: { comments: false } })] });
const code = output[0].code;
const g = (c: string) => (gzipSync(Buffer.from(c), { level: 9 }).length/1024).toFixed(2);
console.log(tag, g(code), 'collapsed', g(code.replace(/\s{2,}/g, ' ')));
}
