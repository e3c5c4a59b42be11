/** Individual well-being plans: the activity library, drafting, progress rules, adherence and effect. */
export { type Adherence, adherence, PROGRESS_CREDIT, type ProgressEntry } from './adherence.ts';
export {
  DEFAULT_PER_DIMENSION,
  type DraftActivity,
  type DraftInput,
  type DraftItem,
  draftBasis,
  draftPlan,
  type ItemLevel,
} from './draft.ts';
export {
  activityEffect,
  describeEffect,
  EFFECT_MEANINGFUL_POINTS,
  EFFECT_MIN_N,
  type EffectKind,
  type EffectSummary,
  improvementOf,
  type ScoreChangeRow,
} from './effect.ts';
export {
  ACTIVITY_LIBRARY,
  type AdlGroup,
  type LibraryActivity,
  libraryActivity,
  toActivityCreate,
} from './library.ts';
export { checkProgress, type ProgressProblem, type ProgressProblemCode } from './progressRules.ts';
export {
  type AnswerSource,
  CODE_DIMENSIONS,
  type ItemLevels,
  itemLevelsOf,
  itemLevelsOfScreening,
  NEEDS_INSTRUMENT,
  needsCodes,
  needsOf,
  needsOfScreening,
  WELLBEING_INSTRUMENT,
  wellbeingItemCodes,
} from './screening.ts';
