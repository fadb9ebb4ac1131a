// `npm start`: build the web app when it has not been built yet, then run the server (API + web).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!fs.existsSync(path.join(root, 'web', 'dist', 'index.html'))) {
  console.log('Building the web app (first start only)…');
  const build = spawnSync(npm, ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawnSync(npm, ['start', '-w', 'server', '--silent'], { cwd: root, stdio: 'inherit' });
process.exit(server.status ?? 0);
