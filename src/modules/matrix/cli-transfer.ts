import type { Command } from '../../cli/commands.ts';

// Placeholders until import/export land (replaced in this same change).
export const exportMatrixCommand: Command = async () => {
  console.error('r1540 matrix export: not available yet');
  return 2;
};
export const importMatrixCommand: Command = async () => {
  console.error('r1540 matrix import: not available yet');
  return 2;
};
