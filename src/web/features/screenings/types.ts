/**
 * The screening API's shapes, shared with the server through core
 * (`src/core/schemas/screening.ts`). Type-only: no zod reaches the bundle
 * from here.
 */
import type { z } from 'zod';
import type { Timeline } from '../../../core/schemas/index.ts';
import type { dueInstrument, worseItem } from '../../../core/schemas/screening.ts';

export type {
  Change,
  DueItem,
  Screening,
  ScreeningCreate,
  ScreeningDetail,
  ScreeningMethod,
  Timeline,
} from '../../../core/schemas/index.ts';

export type DueInstrument = z.infer<typeof dueInstrument>;
export type WorseItem = z.infer<typeof worseItem>;
export type TimelineMonth = Timeline['months'][number];
export type TimelineElder = Timeline['elders'][number];
