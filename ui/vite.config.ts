import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Everything is bundled: the app must work with no network.
export default defineConfig({
  plugins: [vue()],
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
