// Preloaded with NODE_OPTIONS="--import ./bench/cpu-profile.mjs" (Node 20 refuses --cpu-prof there): records a V8
// CPU profile of the whole process and writes it to $RELAIS_CPU_PROFILE_DIR/<pid>.cpuprofile when it exits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.RELAIS_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // An in-thread session answers synchronously: the profile is written before the process ends.
  process.on('exit', () =>
    session.post('Profiler.stop', (err, result) => {
      if (err) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    }),
  );
}
