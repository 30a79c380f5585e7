/** A line through a set of points: their (weighted) centroid and the unit direction of most spread. */
export interface Axis {
  cx: number;
  cy: number;
  ux: number;
  uy: number;
}

/**
 * The principal axis of the points `members` of (x, y), weighted by `weight` when given: the
 * eigenvector of the larger eigenvalue of their 2×2 covariance. Points all at one place give
 * the x axis.
 */
export function principalAxis(
  members: ArrayLike<number>,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weight?: ArrayLike<number>,
): Axis {
  let total = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    const w = weight ? weight[m] : 1;
    total += w;
    sx += w * x[m];
    sy += w * y[m];
  }
  const cx = total ? sx / total : 0;
  const cy = total ? sy / total : 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    const w = weight ? weight[m] : 1;
    const dx = x[m] - cx;
    const dy = y[m] - cy;
    sxx += w * dx * dx;
    syy += w * dy * dy;
    sxy += w * dx * dy;
  }
  // Angle of the major axis of the covariance ellipse.
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { cx, cy, ux: Math.cos(angle), uy: Math.sin(angle) };
}

export const along = (axis: Axis, px: number, py: number) =>
  (px - axis.cx) * axis.ux + (py - axis.cy) * axis.uy;
