import { REACH_STEP_KM } from '../db/queries/reach.js';

/** The step after which a school `km` from its nearest member counts as beyond: km > r exactly when steps > r's. */
export const stepsFor = (km: number) => Math.ceil(km / REACH_STEP_KM);

/**
 * [step, schools beyond it] from step 0, with a pair only where the count changes: how many of an area's schools
 * are beyond each radius, as few rows as its distances allow.
 */
export function stepFunction(steps: number[]): [number, number][] {
  const sorted = [...steps].sort((a, b) => a - b);
  const pairs: [number, number][] = [];
  // beyond(k) counts steps > k: at k = 0 every school farther than 0 km, then it drops at each distinct step.
  let i = 0;
  const push = (step: number) => {
    while (i < sorted.length && sorted[i]! <= step) i++;
    const beyond = sorted.length - i;
    if (pairs.length === 0 || pairs.at(-1)![1] !== beyond) pairs.push([step, beyond]);
  };
  push(0);
  for (const step of new Set(sorted)) if (step > 0) push(step);
  return pairs;
}
