/**
 * Every published version of every instrument. To change an instrument,
 * copy it to a new version and add it here; never edit a published version:
 * responses taken with it are scored with it for ever.
 */
import type { InstrumentDefinition } from '../definition.ts';
import { adlBarthel } from './adlBarthel.ts';
import { amt } from './amt.ts';
import { eightQ } from './eightQ.ts';
import { falls } from './falls.ts';
import { incontinence } from './incontinence.ts';
import { knee } from './knee.ts';
import { needsSurvey } from './needs.ts';
import { nineQ } from './nineQ.ts';
import { nutrition } from './nutrition.ts';
import { oral } from './oral.ts';
import { st5 } from './st5.ts';
import { twoQ } from './twoQ.ts';
import { vision } from './vision.ts';
import { wellbeing20 } from './wellbeing20.ts';

export const publishedDefinitions: readonly InstrumentDefinition[] = [
  wellbeing20,
  needsSurvey,
  adlBarthel,
  twoQ,
  nineQ,
  eightQ,
  st5,
  amt,
  falls,
  knee,
  vision,
  oral,
  incontinence,
  nutrition,
];
