import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Everything is bundled: the app must work with no network. Element Plus components are imported
// where a template uses them (with their own CSS), so each page's chunk carries only its own and
// the first screen loads a fraction of the library (issue 12: memory and page opens).
export default defineConfig({
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false })],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: 'safari15',
    chunkSizeWarningLimit: 3000,
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
})
