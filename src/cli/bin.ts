// CLI edge: the process entry — runs `main` on the command line and sets the exit code.
import { main } from './main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
