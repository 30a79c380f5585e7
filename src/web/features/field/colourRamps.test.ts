import { describe, expect, it } from 'vitest';
import { PRIORITY_RAMP, rampColour, rampExpression, rampGradient } from './colourRamps.ts';

describe('colour ramps', () => {
  it('gives the stops’ colours at their positions', () => {
    expect(rampColour(PRIORITY_RAMP, 0)).toBe('#fff3bf');
    expect(rampColour(PRIORITY_RAMP, 0.5)).toBe('#fd7e14');
    expect(rampColour(PRIORITY_RAMP, 1)).toBe('#a61e4d');
  });

  it('blends between two stops', () => {
    const ramp = [
      [0, '#000000'],
      [1, '#ffffff'],
    ] as const;
    expect(rampColour(ramp, 0.5)).toBe('#808080');
    expect(rampColour(ramp, 0.25)).toBe('#404040');
  });

  it('clamps values out of range and reads what is not a number as the lowest', () => {
    expect(rampColour(PRIORITY_RAMP, -3)).toBe('#fff3bf');
    expect(rampColour(PRIORITY_RAMP, 7)).toBe('#a61e4d');
    expect(rampColour(PRIORITY_RAMP, Number.NaN)).toBe('#fff3bf');
  });

  it('says the same ramp to the map and to the legend', () => {
    expect(rampExpression(PRIORITY_RAMP, 'relative')).toEqual([
      'interpolate',
      ['linear'],
      ['get', 'relative'],
      0,
      '#fff3bf',
      0.5,
      '#fd7e14',
      1,
      '#a61e4d',
    ]);
    expect(rampGradient(PRIORITY_RAMP)).toBe(
      'linear-gradient(to right, #fff3bf 0%, #fd7e14 50%, #a61e4d 100%)',
    );
  });
});
