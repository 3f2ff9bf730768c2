import { type Command, writeLine } from '../../platform/cli.ts';
import { convertCommand } from './convert/cli-convert.ts';
import { exportMatrixCommand, importMatrixCommand } from './transfer/cli-transfer.ts';

export const matrixUsage = `  matrix export [--state ISO3 | --all] [--format xlsx|csv|json] [--version N] [--out FILE] [--as E]
                [--lang L] [--template V]
                             a State's matrix (or every State's) as XLSX, CSV or JSON, as the account
                             (the public without --as) may see it; labels in the language L
  matrix import FILE --as E [--state ISO3] [--dry-run]
                             load cells into the open drafts: every cell checked, all or nothing
  matrix convert --to VERSION [--mapping FILE] [--state ISO3 | --all] --as E [--dry-run]
                             convert the latest approved matrices to another template`;

const sub: Record<string, Command> = {
  export: exportMatrixCommand,
  import: importMatrixCommand,
  convert: convertCommand,
};

/** `r1540 matrix <export|import|convert> …` */
export const matrixCommand: Command = async (args, cli) => {
  const [name, ...rest] = args;
  const command = name ? sub[name] : undefined;
  if (!command) {
    writeLine(cli.stderr, `r1540 matrix: say export, import or convert\n\n${matrixUsage}`);
    return 2;
  }
  return command(rest, cli);
};
