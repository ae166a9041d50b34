// npm run dev — server on :3000 restarting on changes, Vite with hot reload on :5173 (proxies /api).
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--watch-path=server/src', '--watch-path=common/src', 'server/src/main.ts', 'start'], {
    stdio: 'inherit',
  }),
  spawn('npm', ['run', 'dev', '-w', 'web'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGINT');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
