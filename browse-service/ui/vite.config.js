import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built by Maven (exec-maven-plugin: npm ci && npm run build -- --outDir target/classes/static).
// For UI development: `npm run dev` proxies /api to a running browse-service (BROWSE_DEV_API, default :8000).
export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 600 },
  server: {
    proxy: { '/api': process.env.BROWSE_DEV_API || 'http://localhost:8000' }
  }
})
