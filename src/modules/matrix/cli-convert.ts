import type { Command } from '../../cli/commands.ts';

// Placeholder until the conversion lands (replaced in this same change).
export const convertCommand: Command = async () => {
  console.error('r1540 matrix convert: not available yet');
  return 2;
};
