import type { StateMatrix } from './figures.ts';

import type { Labels, StateGaps, ViewModel } from './view-model.ts';
import { averages, distributionView, overview } from './views-overall.ts';
import { changeView, gapsView, type StateSort, stateView } from './views-states.ts';

export {
  type Cell,
  type ChangeTotals,
  type ChartSpec,
  type Column,
  type ColumnKind,
  changeTotals,
  type Fact,
  type FigureSection,
  type FigureTable,
  type FigureView,
  figureViews,
  gapsOfState,
  type Labels,
  paragraphLabel,
  type Row,
  type StateGaps,
  tableCsv,
  type ViewModel,
  weaponLabel,
} from './view-model.ts';
export { type StateSort, stateSortKeys } from './views-states.ts';

export type ViewInput =
  | { view: 'overview'; matrices: readonly StateMatrix[] }
  | { view: 'regional-group' | 'organization'; matrices: readonly StateMatrix[] }
  | { view: 'distribution'; matrices: readonly StateMatrix[]; binWidth: number }
  | { view: 'state'; matrices: readonly StateMatrix[]; sort: StateSort; dir: 'asc' | 'desc' }
  | { view: 'change'; before: readonly StateMatrix[]; after: readonly StateMatrix[] }
  | { view: 'gaps'; result: StateGaps; iso3: string; regionalGroup: string; threshold: number };

export function buildView(labels: Labels, input: ViewInput): ViewModel {
  switch (input.view) {
    case 'overview':
      return overview(labels, input.matrices);
    case 'regional-group':
      return averages(labels, input.matrices, 'regionalGroup');
    case 'organization':
      return averages(labels, input.matrices, 'organization');
    case 'distribution':
      return distributionView(labels, input.matrices, input.binWidth);
    case 'state':
      return stateView(labels, input.matrices, input.sort, input.dir);
    case 'change':
      return changeView(labels, input.before, input.after);
    case 'gaps':
      return gapsView(labels, input.result, input.iso3, input.regionalGroup, input.threshold);
  }
}
