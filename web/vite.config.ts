import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    // The server's CSP forbids inline scripts; Vite never inlines JS, but keep assets as files too.
    assetsInlineLimit: 0,
  },
});
