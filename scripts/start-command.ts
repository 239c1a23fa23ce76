/**
 * What `npm start` runs after its build step, read from package.json's "start" script
 * (`node <flags…> <main> start`), so the startup benchmark and the start tests run exactly that.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface StartCommand {
  /** V8 / node flags before the script. */
  nodeFlags: string[];
  /** The script, absolute. */
  main: string;
  /** Everything after the script (`start`). */
  args: string[];
}

export function startCommand(root: string): StartCommand {
  const script = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...rest] = script.split(' ').filter(Boolean);
  const mainIndex = rest.findIndex((arg) => !arg.startsWith('-'));
  if (command !== 'node' || mainIndex < 0) throw new Error(`the start script is not "node <flags> <main> …": ${script}`);
  return { nodeFlags: rest.slice(0, mainIndex), main: path.join(root, rest[mainIndex]!), args: rest.slice(mainIndex + 1) };
}
